// Help, usage errors, colours and the unreachable case: what every command shares.
import { createServer } from "node:net";
import { DEMO_TOKENS } from "@plex/demo-plex";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { baseEnv, createSandbox, runBin } from "./support/run-bin.js";

let sandbox: ReturnType<typeof createSandbox>;
beforeEach(() => {
  sandbox = createSandbox();
});
afterEach(() => sandbox.remove());

/** A port on 127.0.0.1 that nothing listens on: bound, read back, closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("help and usage", () => {
  it("--help lists every command with examples and exit codes, on stdout, exit 0", async () => {
    const result = await runBin(["--help"], { env: baseEnv(sandbox.configHome) });
    expect(result.code).toBe(0);
    for (const command of ["login", "whoami", "check", "servers", "connect", "token", "logout"])
      expect(result.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
    expect(result.stdout).toContain("Examples:");
    expect(result.stdout).toContain("check: 0 valid, 1 invalid, 2 unknown");
  });

  it("each command has its own --help with its options and examples", async () => {
    const result = await runBin(["login", "--help"], { env: baseEnv(sandbox.configHome) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: plex-auth login");
    expect(result.stdout).toContain("--password");
    expect(result.stdout).toContain("export PLEX_TOKEN=$(plex-auth login --print)");
  });

  it.each([
    [["frob"], 'error: Unknown command "frob". Run `plex-auth --help` for the commands.'],
    [
      ["whoami", "--transient"],
      "error: --transient is not an option of `plex-auth whoami`. Run `plex-auth whoami --help`.",
    ],
    [["whoami", "--bogus"], /^error: Unknown option '--bogus'/],
  ])("%j is a usage error (exit 64) with one line", async (args, line) => {
    const result = await runBin(args, { env: baseEnv(sandbox.configHome) });
    expect(result.code).toBe(64);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    if (typeof line === "string") expect(lines[0]).toBe(line);
    else expect(lines[0]).toMatch(line);
  });

  it("nothing is written to the config folder by --help", async () => {
    await runBin(["--help"], { env: baseEnv(sandbox.configHome) });
    const { existsSync } = await import("node:fs");
    expect(existsSync(sandbox.configDir)).toBe(false);
  });
});

describe("colours", () => {
  const args = ["token"];
  it("FORCE_COLOR colours the error prefix; NO_COLOR and --no-color turn it off", async () => {
    const forced = await runBin(args, { env: baseEnv(sandbox.configHome, { FORCE_COLOR: "1" }) });
    expect(forced.stderr).toContain("\u001b[31merror:\u001b[39m");
    const noColor = await runBin(args, {
      env: baseEnv(sandbox.configHome, { FORCE_COLOR: "1", NO_COLOR: "1" }),
    });
    expect(noColor.stderr).toMatch(/^error: /);
    const flag = await runBin([...args, "--no-color"], {
      env: baseEnv(sandbox.configHome, { FORCE_COLOR: "1" }),
    });
    expect(flag.stderr).toMatch(/^error: /);
    expect(noColor.stderr + flag.stderr).not.toContain("\u001b[");
  });
});

describe("an unreachable plex.tv", () => {
  it("is one line naming the host and the system error, exit 1", async () => {
    const port = await closedPort();
    const result = await runBin(["whoami", "--token", DEMO_TOKENS.account, "--json"], {
      env: baseEnv(sandbox.configHome, { PLEX_TV_URL: `http://127.0.0.1:${port}/api/v2` }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error: Could not reach 127.0.0.1:${port} (ECONNREFUSED): check your network connection and --plex-tv-url / PLEX_TV_URL.\n`,
    );
    expect(JSON.parse(result.stdout).error.kind).toBe("PlexConnectionError");
    expect(result.stderr).not.toContain(DEMO_TOKENS.account);
  });
});
