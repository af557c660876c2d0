import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DEMO_SERVER, DEMO_TOKENS } from "@plex/demo-plex";
import { type DemoPlexServer, startDemoPlexServer } from "@plex/demo-plex/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const appRoot = fileURLToPath(new URL("..", import.meta.url));

/** Runs the real entry point, as `pnpm playground:tour` does after building the packages. */
async function tour(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["tour.mjs", ...args], {
      cwd: appRoot,
      timeout: 20_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** A port where nothing listens: bound, then closed. The SDK retries a refused connection with back-off, so the
 * tests against one take seconds on a loaded machine (hence their 30 s timeouts). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const ALL_SECRETS = [...Object.values(DEMO_TOKENS), DEMO_SERVER.accessToken, "demo-password"];

describe("pnpm playground:tour (demo)", () => {
  let result: Awaited<ReturnType<typeof tour>>;
  beforeAll(async () => {
    result = await tour();
  });

  it("exits 0 with every step as expected", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Demo Plex \(from @plex\/demo-plex\) listening on http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(result.stdout).toContain("29 operations, 29 as expected.");
  });

  it("shows progress for every step", () => {
    // "—" when nothing answered at all (findBestConnection with every connection dead).
    expect(result.stdout.match(/^\[\s?\d+\/29\] .+ … (\d{3}|—) in [\d.]+ ms$/gm)).toHaveLength(29);
  });

  it("prints the table with the key result of each operation", () => {
    expect(result.stdout).toMatch(/^operation\s+scenario\s+status\s+time\s+key result$/m);
    expect(result.stdout).toMatch(
      /^getTransientToken\s+account token\s+200\s+[\d.]+ ms\s+transient token tran…4a5b$/m,
    );
    expect(result.stdout).toMatch(
      /^getSourceConnectionInformation\s+demo server\s+200\s+.+1 device \(Demo Attic Server\), 4 connections$/m,
    );
    expect(result.stdout).toMatch(/^getTokenDetails\s+account token\s+200\s+.+username demo-viewer$/m);
    expect(result.stdout).toMatch(/^postUsersSignInData\s+plain account\s+201\s+.+authToken demo…77b2$/m);
    expect(result.stdout).toMatch(
      /^createPin\s+plex\.tv\/link code\s+201\s+.+code [A-Z2-9]{4} for plex\.tv\/link, expires in (899|900) s$/m,
    );
    expect(result.stdout).toMatch(
      /^waitForPinToken\s+demo approves\s+200\s+.+approved: authToken demo…4c1f$/m,
    );
  });

  it("shows the servers, the best connection with its probe table, and the token check", () => {
    const out = result.stdout;
    expect(out).toMatch(
      /^getServerResources\s+account token\s+200\s+.+3 devices: 2 servers \(1 owned, 1 shared\), 1 other$/m,
    );
    expect(out).toMatch(
      /^findBestConnection\s+owned server, at home\s+200\s+.+http:\/\/127\.0\.0\.1:\d+ \(local http\) in \d+ ms, 5 probed$/m,
    );
    expect(out).toMatch(
      /^findBestConnection\s+owned server, away \(no LAN\)\s+200\s+.+\(remote http\) in \d+ ms, 3 probed$/m,
    );
    expect(out).toMatch(/^validateToken\s+account token\s+200\s+.+valid: demo-viewer$/m);
    expect(out).toMatch(/^validateToken\s+revoked token\s+422\s+.+invalid: 422 Invalid token$/m);
    expect(out).toMatch(/^ping\s+account token\s+200\s+.+pong true$/m);
    const table = out.slice(out.indexOf("findBestConnection (owned server, at home):"));
    expect(table).toMatch(/^\s+local https\s+https:\/\/127\.0\.0\.2:\d+\s+refused after \d+ ms$/m);
    expect(table).toMatch(/^★\s+local http\s+http:\/\/127\.0\.0\.1:\d+\s+\d+ ms$/m);
    expect(table).toMatch(
      /^\s+remote http\s+http:\/\/127\.0\.0\.1:\d+\s+cancelled \(a preferred connection won\)$/m,
    );
    expect(out).toMatch(
      /shared server, offline\) → PlexConnectionError .+https:\/\/127\.0\.0\.2:\d+ \(refused:/,
    );
    expect(result.stdout).toMatch(
      /^getHomeUsers\s+account token\s+200\s+.+3 users: demo-viewer \(admin\), Robin \(PIN\), Kids \(managed\)$/m,
    );
    expect(result.stdout).toMatch(
      /^switchHomeUser\s+PIN member, right PIN\s+201\s+.+Robin, authToken demo…3e81$/m,
    );
    expect(result.stdout).toMatch(
      /^refreshJwt\s+then getTokenDetails with it\s+200\s+.+username demo-viewer$/m,
    );
    expect(result.stdout).toMatch(
      /^verifyPlexJwt\s+signature, iss, aud, exp, thumbprint\s+200\s+.+valid 7 days, 2 published keys$/m,
    );
  });

  it("prints the typed error of each failure scenario", () => {
    const errors = result.stdout.slice(result.stdout.indexOf("Typed errors:"));
    expect(errors).toMatch(/2FA without code\) → PlexTwoFactorRequiredError {2}HTTP 401 {2}code 1029/);
    expect(errors).toMatch(/wrong password\) → PlexUnauthorizedError {2}HTTP 401 {2}code 1001/);
    expect(errors).toMatch(/rate limited\) → PlexRateLimitError {2}HTTP 429 {2}code 1003 {2}no Retry-After/);
    expect(errors).toMatch(/locked out\) → PlexUnauthorizedError {2}HTTP 401 {2}code 1031/);
    expect(errors).toMatch(/revoked token\) → PlexUnauthorizedError {2}HTTP 422 {2}"Invalid token"/);
    expect(errors).toMatch(/unknown PIN\) → PlexPinExpiredError {2}HTTP 404 {2}code 1020/);
    expect(errors).toMatch(/wrong PIN\) → PlexHomePinRequiredError {2}HTTP 403 {2}code 1041/);
    expect(errors).toMatch(/tampered signature\) → PlexInvalidJwtError/);
  });

  it("never prints a token or password in full", () => {
    for (const secret of ALL_SECRETS) expect(result.stdout).not.toContain(secret);
  });
});

describe("pnpm playground:tour -- --server URL --token T", () => {
  let server: DemoPlexServer;
  beforeAll(async () => {
    // The demo over a real socket stands in for a real Plex: the tour cannot tell the difference.
    server = await startDemoPlexServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("runs the operations against the given server, finding the source from /identity", async () => {
    const result = await tour(
      "--",
      "--server",
      server.serverURL,
      "--token",
      DEMO_TOKENS.account,
      "--plex-tv",
      server.plexTvURL,
      "--login",
      "demo@example.com",
      "--password",
      "demo-password",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Live tour against ${server.serverURL}`);
    expect(result.stdout).toMatch(/1 device \(Demo Attic Server\), 4 connections/);
    expect(result.stdout).toContain("7 operations, 7 as expected.");
    expect(result.stdout).toMatch(/^findBestConnection\s+your server\s+200\s+.+\(local http\)/m);
    expect(result.stdout).toMatch(/^validateToken\s+your token\s+200\s+.+valid: demo-viewer$/m);
    for (const secret of ALL_SECRETS) expect(result.stdout).not.toContain(secret);
  });

  it("exits 1 and prints the typed error when the server refuses the token", async () => {
    const result = await tour(
      "--server",
      server.serverURL,
      "--token",
      "wrong",
      "--plex-tv",
      server.plexTvURL,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("PlexUnauthorizedError");
    expect(result.stdout).toContain("NOT");
  });

  it("--pin prints the plex.tv/link code, waits until it is entered, then uses the new token", async () => {
    // The node demo server approves a pin on its second poll, standing in for someone typing the code.
    const result = await tour("--pin", "--plex-tv", server.plexTvURL, "--server", server.serverURL);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Go to https:\/\/plex\.tv\/link and enter [A-Z2-9]{4} \(valid (899|900) s\)/,
    );
    expect(result.stdout).toMatch(
      /^createPin \+ waitForPinToken\s+plex\.tv\/link\s+200\s+.+approved: authToken demo…4c1f$/m,
    );
    expect(result.stdout).toMatch(/^getTokenDetails\s+your token\s+200\s+.+username demo-viewer$/m);
    // The PIN row, the three operations, then resources, best connection and the token check.
    expect(result.stdout).toContain("7 operations, 7 as expected.");
    for (const secret of ALL_SECRETS) expect(result.stdout).not.toContain(secret);
  });

  it("an unreachable /identity is a typed PlexConnectionError naming the host and suggesting --source", async () => {
    const closed = await closedPort();
    const result = await tour(
      "--server",
      `http://127.0.0.1:${closed}`,
      "--token",
      "t",
      "--plex-tv",
      server.plexTvURL,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^getSourceConnectionInformation\s+your server\s+—\s+.+PlexConnectionError$/m,
    );
    expect(result.stdout).toContain(
      `PlexConnectionError  "Could not reach 127.0.0.1:${closed} for /identity (ECONNREFUSED): check --server, ` +
        'or pass --source server://<machineIdentifier> to skip this step."',
    );
    // The SDK's own connection errors get a hint naming what was unreachable: here the server, not plex.tv.
    expect(result.stdout).toContain(
      `hint: the server 127.0.0.1:${closed} was unreachable: check --server (is Plex running there, reachable from here?).`,
    );
    expect(result.stdout).not.toContain("hint: plex.tv");
  }, 30_000);

  it("names plex.tv in the hint when plex.tv is what was unreachable", async () => {
    const closed = await closedPort();
    const result = await tour(
      "--server",
      server.serverURL,
      "--token",
      DEMO_TOKENS.account,
      "--plex-tv",
      `http://127.0.0.1:${closed}/api/v2`,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `hint: plex.tv (127.0.0.1:${closed}) was unreachable: check this machine's network and --plex-tv.`,
    );
    expect(result.stdout).not.toContain("hint: the server");
  }, 30_000);

  it("refuses --server without --token", async () => {
    const result = await tour("--server", server.serverURL);
    expect(result.code).toBe(2);
  });
});

describe("the root playground:tour script (scripts/playground-tour.mjs)", () => {
  const wrapper = fileURLToPath(new URL("../../../scripts/playground-tour.mjs", import.meta.url));
  let stubs: string;
  beforeAll(() => {
    // A stand-in `turbo` on PATH: the packages are already built for this suite, and the test is about what the
    // wrapper shows of turbo, not turbo itself.
    stubs = mkdtempSync(join(tmpdir(), "tour-turbo-"));
  });
  afterAll(() => rmSync(stubs, { recursive: true, force: true }));

  async function viaWrapper(turboExit: number, ...args: string[]) {
    writeFileSync(
      join(stubs, "turbo"),
      `#!/bin/sh\necho "turbo banner"\necho "turbo says why" >&2\nexit ${turboExit}\n`,
    );
    chmodSync(join(stubs, "turbo"), 0o755);
    try {
      const { stdout, stderr } = await run(process.execPath, [wrapper, ...args], {
        env: { ...process.env, PATH: `${stubs}:${process.env.PATH ?? ""}` },
        timeout: 20_000,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
    }
  }

  it("a failing tour: exit 1, its own summary last, nothing on stderr (no build or pnpm noise)", async () => {
    const closed = await closedPort();
    const target = `http://127.0.0.1:${closed}`;
    const result = await viaWrapper(
      0,
      "--",
      "--server",
      target,
      "--token",
      "t",
      "--plex-tv",
      `${target}/api/v2`,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout).not.toContain("turbo banner");
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("6 operations, 0 as expected, 6 NOT.");
  }, 30_000);

  it("a passing tour: exit 0", async () => {
    const result = await viaWrapper(0, "--help");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Usage: pnpm playground:tour/);
  });

  it("a failing build: turbo's output and its exit code, and no tour", async () => {
    const result = await viaWrapper(3);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("turbo banner");
    expect(result.stderr).toContain("turbo says why");
    expect(result.stderr).toContain("Building the packages the tour needs failed.");
    expect(result.stdout).toBe("");
  });
});
