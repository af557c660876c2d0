// Every ```console block of the README is a shell session: each `$ ` line runs in sh with `plex-auth` on PATH (the
// built bin) against one demo Plex node server, in order and sharing one config folder, and what follows it must be
// exactly what the terminal showed (stdout and stderr together, as a user sees them). Only what changes from run to
// run is normalised before comparing: ports, milliseconds, the client identifier, the machine name, the countdown.
// `UPDATE_README=1 pnpm exec vitest run test/readme.test.ts` rewrites the outputs from a real run.
import { exec } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createDemoPlex } from "@plex/demo-plex";
import { afterAll, describe, expect, it } from "vitest";
import { useDemoServer } from "./support/demo.js";
import { BIN } from "./support/run-bin.js";

const README = new URL("../README.md", import.meta.url);
const run = promisify(exec);
const demo = useDemoServer({ demo: createDemoPlex({ pinClaimAfterPolls: 2 }) });
const root = mkdtempSync(join(tmpdir(), "plex-cli-readme-"));
const home = join(root, "home");
const binDir = join(root, "bin");
mkdirSync(home);
mkdirSync(binDir);
symlinkSync(BIN, join(binDir, "plex-auth"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Step {
  readonly command: string;
  readonly output: string;
}

/** The README's console blocks, each a list of `$ command` lines with the output that follows each. */
function parseBlocks(text: string): { start: number; end: number; steps: Step[] }[] {
  return [...text.matchAll(/```console\n([\s\S]*?)```/g)].map((match) => {
    const steps: { command: string; lines: string[] }[] = [];
    for (const line of (match[1] ?? "").replace(/\n$/, "").split("\n")) {
      if (line.startsWith("$ ")) steps.push({ command: line.slice(2), lines: [] });
      else steps.at(-1)?.lines.push(line);
    }
    const start = (match.index ?? 0) + "```console\n".length;
    return {
      start,
      end: start + (match[1] ?? "").length,
      steps: steps.map((step) => ({ command: step.command, output: step.lines.join("\n") })),
    };
  });
}

/** What a user would see instead of this machine's details: `~` for home, "my-laptop" for the machine name. */
function presentable(output: string): string {
  const host = hostname();
  return output
    .split(home)
    .join("~")
    .replace(new RegExp(`on ${escapeRegExp(host)} use`, "g"), "on my-laptop use")
    .replace(
      new RegExp(`\\[deviceName\\]=${escapeRegExp(encodeURIComponent(host))}\\b`, "g"),
      "[deviceName]=my-laptop",
    )
    .replace(/[ \t]+$/gm, "")
    .replace(/\n+$/, "");
}

/** What may differ between two honest runs. */
function comparable(output: string): string {
  return output
    .replace(/(127\.0\.0\.\d):\d+/g, "$1:PORT")
    .replace(/\d+ ms\b/g, "N ms")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "UUID")
    .replace(/expires in \d+:\d\d/g, "expires in M:SS");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function runStep(command: string): Promise<string> {
  // Braces: stderr of every command on the line joins stdout, as on a terminal.
  const { stdout } = await run(`{ ${command}\n} 2>&1`, {
    shell: "/bin/sh",
    cwd: home,
    encoding: "utf8",
    env: {
      PATH: `${binDir}:${process.env.PATH ?? ""}`,
      HOME: home,
      XDG_CONFIG_HOME: join(home, ".config"),
      PLEX_TV_URL: demo().plexTvURL,
      PLEX_AUTH_POLL_INTERVAL_MS: "200",
    },
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  return presentable(stdout);
}

describe("README console examples", () => {
  const text = readFileSync(README, "utf8");
  const blocks = parseBlocks(text);

  it("covers every command", () => {
    const commands = blocks.flatMap((block) => block.steps.map((step) => step.command)).join("\n");
    for (const name of [
      "login",
      "login --password",
      "whoami",
      "check",
      "servers",
      "connect",
      "token",
      "logout",
    ])
      expect(commands).toContain(name.startsWith("--") ? name : `plex-auth ${name}`);
  });

  it("every command prints what the README shows (run in order, sharing one config)", async () => {
    let updated = text;
    const results: { block: (typeof blocks)[number]; outputs: string[] }[] = [];
    for (const block of blocks) {
      const outputs: string[] = [];
      for (const step of block.steps) outputs.push(await runStep(step.command));
      results.push({ block, outputs });
    }
    if (process.env.UPDATE_README === "1") {
      // Rewritten from the end so the offsets of earlier blocks stay valid.
      for (const { block, outputs } of [...results].reverse()) {
        const body = block.steps
          .map((step, index) =>
            [`$ ${step.command}`, outputs[index]].filter((part) => part !== "").join("\n"),
          )
          .join("\n");
        updated = `${updated.slice(0, block.start)}${body}\n${updated.slice(block.end)}`;
      }
      writeFileSync(README, updated);
      return;
    }
    for (const { block, outputs } of results)
      block.steps.forEach((step, index) => {
        expect(comparable(outputs[index] ?? ""), `$ ${step.command}`).toBe(comparable(step.output));
      });
  });
});
