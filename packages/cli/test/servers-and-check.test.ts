// `check`, `servers`, `connect` and `token --transient --server`: the built bin against the demo Plex node server,
// whose servers' connections lead to real sockets (reachable, refused, slow, relay).
import { createServer } from "node:net";
import { DEMO_SERVER, DEMO_TOKENS } from "@plex/demo-plex";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useDemoServer } from "./support/demo.js";
import { baseEnv, createSandbox, runBin } from "./support/run-bin.js";

const demo = useDemoServer();
let sandbox: ReturnType<typeof createSandbox>;
beforeEach(() => {
  sandbox = createSandbox();
});
afterEach(() => sandbox.remove());

const env = (extra: Record<string, string | undefined> = {}) =>
  baseEnv(sandbox.configHome, { PLEX_TV_URL: demo().plexTvURL, PLEX_TOKEN: DEMO_TOKENS.account, ...extra });

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("check", () => {
  it("valid: exit 0", async () => {
    const result = await runBin(["check"], { env: env() });
    expect(result).toMatchObject({ code: 0, stdout: "valid: the token works (demo-viewer).\n" });
  });

  it("revoked: exit 1, with what plex.tv said", async () => {
    const result = await runBin(["check", "--json"], { env: env({ PLEX_TOKEN: DEMO_TOKENS.revoked }) });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      status: "invalid",
      statusCode: 422,
      code: null,
      message: "Invalid token",
    });
    expect(result.stdout + result.stderr).not.toContain(DEMO_TOKENS.revoked);
  });

  it("unreachable plex.tv: exit 2 (unknown), and the stored token is kept", async () => {
    const port = await closedPort();
    const result = await runBin(["check"], { env: env({ PLEX_TV_URL: `http://127.0.0.1:${port}/api/v2` }) });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(
      `unknown: could not check the token. Could not reach 127.0.0.1:${port} (ECONNREFUSED): check your network connection and --plex-tv-url / PLEX_TV_URL.\n`,
    );
    const json = await runBin(["check", "--json"], {
      env: env({ PLEX_TV_URL: `http://127.0.0.1:${port}/api/v2` }),
    });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      status: "unknown",
      error: { kind: "PlexConnectionError" },
    });
  });
});

describe("servers", () => {
  it("lists each server with its connections as a table, never a token", async () => {
    const result = await runBin(["servers"], { env: env() });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^SERVER\s+OWNER\s+STATUS\s+KIND\s+PROTO\s+URI$/);
    expect(lines[1]).toMatch(
      new RegExp(`^${DEMO_SERVER.name}\\s+owned\\s+online\\s+local\\s+https\\s+https://`),
    );
    expect(result.stdout).toMatch(/^Friend's Basement\s+shared by demo-friend\s+offline\s+remote/m);
    expect(result.stdout).toMatch(/^\s+relay\s+http\s+http:\/\/127\.0\.0\.1:\d+$/m);
    expect(result.stdout).not.toContain(DEMO_SERVER.accessToken);
  });

  it("--json parses: servers with connections, without accessToken", async () => {
    const result = await runBin(["servers", "--json"], { env: env() });
    const servers = JSON.parse(result.stdout);
    expect(servers.map((server: { name: string }) => server.name)).toEqual([
      DEMO_SERVER.name,
      "Friend's Basement",
    ]);
    expect(servers[0]).toMatchObject({
      owned: true,
      presence: true,
      clientIdentifier: DEMO_SERVER.clientIdentifier,
    });
    expect(servers[0].connections.map((connection: { kind: string }) => connection.kind)).toContain("relay");
    expect(result.stdout).not.toContain("accessToken");
    const all = JSON.parse((await runBin(["servers", "--all", "--json"], { env: env() })).stdout);
    expect(all.length).toBeGreaterThan(servers.length);
  });
});

describe("connect", () => {
  it("probes every connection and marks the best one in the table", async () => {
    const result = await runBin(["connect"], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`Probing 5 connections of ${DEMO_SERVER.name}…\n`);
    expect(result.stdout).toMatch(/^\s+KIND\s+URI\s+RESULT$/m);
    expect(result.stdout).toMatch(/^\*\s+local\s+http:\/\/127\.0\.0\.1:\d+\s+ok, \d+ ms$/m);
    expect(result.stdout).toMatch(/refused \(nothing listening\)/);
    expect(result.stdout).toMatch(/^Best: http:\/\/127\.0\.0\.1:\d+ \(\d+ ms\)$/m);
  });

  it("--json parses with every probe's outcome", async () => {
    const result = await runBin(["connect", DEMO_SERVER.name.toUpperCase(), "--json"], { env: env() });
    expect(result.code).toBe(0);
    const best = JSON.parse(result.stdout);
    expect(best).toMatchObject({ server: DEMO_SERVER.name, kind: "local", uri: demo().url });
    expect(best.tried).toHaveLength(5);
    expect(best.tried.filter((probe: { outcome: string }) => probe.outcome === "ok")).toHaveLength(1);
  });

  it("a server where nothing answers: the table says why per URI, then one error line, exit 1", async () => {
    const result = await runBin(["connect", "Friend's Basement", "--timeout", "2000"], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^\s+remote\s+https:\/\/127\.0\.0\.2:\d+\s+refused \(nothing listening\)$/m,
    );
    expect(result.stderr).toContain(
      "error: None of the connections of Friend's Basement worked (why is in the table): check that the server is on and reachable from this machine.",
    );
  });

  it("an unknown name lists the servers there are", async () => {
    const result = await runBin(["connect", "Nope"], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error: No server named "Nope" on this account: the servers are "${DEMO_SERVER.name}", "Friend's Basement".\n`,
    );
  });
});

describe("token --transient --server", () => {
  it("finds the named server's best connection and asks it with the server's own token", async () => {
    const result = await runBin(["token", "--transient", "--server", DEMO_SERVER.name], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${demo().demo.data.transientToken}\n`);
    expect(result.stderr).toContain(`Asking ${DEMO_SERVER.name} for a transient token…`);
  });
});
