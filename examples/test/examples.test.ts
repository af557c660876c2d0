import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_TOKENS, DEMO_TRANSIENT_TOKEN } from "@plex/demo-plex";
import { type DemoPlexServer, startDemoPlexServer } from "@plex/demo-plex/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// Every program of examples/ runs as written, against the demo Plex on a real node:http server: only the environment
// differs from what a user runs (PLEX_TV_URL points at the demo instead of plex.tv). What each prints is checked.

let server: DemoPlexServer;
const botDir = mkdtempSync(join(tmpdir(), "plex-examples-bot-"));

beforeAll(async () => {
  server = await startDemoPlexServer({ host: "127.0.0.1", port: 0 });
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});
afterAll(async () => {
  await server?.close();
  rmSync(botDir, { recursive: true, force: true });
});

/** Runs one example as its own fresh module with these environment variables; returns what it printed. */
async function runExample(file: string, env: Record<string, string> = {}): Promise<string[]> {
  vi.stubEnv("PLEX_TV_URL", server.plexTvURL);
  vi.stubEnv("PLEX_CLIENT_ID", "examples-test-0001");
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const printed: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    printed.push(args.map(String).join(" "));
  });
  vi.resetModules(); // a second run of the same file evaluates it again, as a second `tsx file.ts` would
  await import(/* @vite-ignore */ new URL(`../${file}`, import.meta.url).href);
  return printed;
}

const plain = () => server.demo.data.users.plain;

describe("examples/", () => {
  it("sign-in-with-pin.ts prints the approval link, then the account", async () => {
    const printed = await runExample("sign-in-with-pin.ts");
    expect(printed).toEqual([
      expect.stringMatching(
        /^Open this link to approve "My Plex tool": https:\/\/app\.plex\.tv\/auth#\?clientID=examples-test-0001&code=\S+/,
      ),
      `Signed in as ${plain().username} <${plain().email}>`,
    ]);
  });

  it("find-servers-and-connect.ts lists the servers and connects to the reachable one", async () => {
    const printed = await runExample("find-servers-and-connect.ts", { PLEX_TOKEN: DEMO_TOKENS.account });
    expect(printed[0]).toMatch(/^Demo Attic Server: \d+ connections$/);
    expect(printed[1]).toMatch(/^Friend's Basement \(shared\): \d+ connections$/);
    expect(printed.slice(2)).toEqual([
      `Connected to Demo Attic Server at ${server.serverURL}`,
      `It answers: transient token of ${DEMO_TRANSIENT_TOKEN.length} characters`,
    ]);
  });

  it("share-transient-token.ts prints a link with a transient token, not the account token", async () => {
    const printed = await runExample("share-transient-token.ts", { PLEX_TOKEN: DEMO_TOKENS.account });
    expect(printed).toEqual([
      `Send your friend: ${server.serverURL}/identity?X-Plex-Token=${DEMO_TRANSIENT_TOKEN}`,
    ]);
    expect(printed.join("\n")).not.toContain(DEMO_TOKENS.account);
  });

  it("stay-signed-in-bot.ts registers a key once, then signs in from its files alone", async () => {
    const first = await runExample("stay-signed-in-bot.ts", {
      PLEX_TOKEN: DEMO_TOKENS.account,
      PLEX_BOT_DIR: botDir,
    });
    expect(first).toEqual(["Registered a new device key", `Bot signed in as ${plain().username}`]);
    const stored = JSON.parse(readFileSync(join(botDir, "plex-jwt.json"), "utf8"));
    expect(stored.expiresAt).toBeGreaterThan(Date.now());
    for (const file of ["device-key.json", "plex-jwt.json"])
      expect(statSync(join(botDir, file)).mode & 0o777, file).toBe(0o600);

    // The second run has no account token: the device key and the stored JWT are all it has.
    const second = await runExample("stay-signed-in-bot.ts", { PLEX_BOT_DIR: botDir });
    expect(second).toEqual([`Bot signed in as ${plain().username}`]);
  });

  it("stay-signed-in-bot.ts without a key or a token says what to do", async () => {
    const empty = mkdtempSync(join(tmpdir(), "plex-examples-empty-"));
    try {
      await expect(
        runExample("stay-signed-in-bot.ts", { PLEX_BOT_DIR: empty, PLEX_TOKEN: "" }),
      ).rejects.toThrow(/run once with PLEX_TOKEN set/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
