import { execFile } from "node:child_process";
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
    expect(result.stdout).toContain("22 operations, 22 as expected.");
  });

  it("shows progress for every step", () => {
    // "—" when nothing answered at all (findBestConnection with every connection dead).
    expect(result.stdout.match(/^\[\s?\d+\/22\] .+ … (\d{3}|—) in [\d.]+ ms$/gm)).toHaveLength(22);
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
  });

  it("prints the typed error of each failure scenario", () => {
    const errors = result.stdout.slice(result.stdout.indexOf("Typed errors:"));
    expect(errors).toMatch(/2FA without code\) → PlexTwoFactorRequiredError {2}HTTP 401 {2}code 1029/);
    expect(errors).toMatch(/wrong password\) → PlexUnauthorizedError {2}HTTP 401 {2}code 1001/);
    expect(errors).toMatch(/rate limited\) → PlexRateLimitError {2}HTTP 429 {2}code 1003 {2}no Retry-After/);
    expect(errors).toMatch(/locked out\) → PlexUnauthorizedError {2}HTTP 401 {2}code 1031/);
    expect(errors).toMatch(/revoked token\) → PlexUnauthorizedError {2}HTTP 422 {2}"Invalid token"/);
    expect(errors).toMatch(/unknown PIN\) → PlexPinExpiredError {2}HTTP 404 {2}code 1020/);
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
    expect(result.stdout).toContain("7 operations, 7 as expected.");
    for (const secret of ALL_SECRETS) expect(result.stdout).not.toContain(secret);
  });

  it("refuses --server without --token", async () => {
    const result = await tour("--server", server.serverURL);
    expect(result.code).toBe(2);
  });
});
