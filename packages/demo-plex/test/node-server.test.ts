import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_ACCOUNTS,
  DEMO_CLIENT_IDENTIFIER,
  DEMO_SERVER,
  DEMO_SLOW_PROBE_MS,
  DEMO_TOKENS,
  DEMO_TRANSIENT_TOKEN,
} from "../src/index.js";
import { type DemoPlexServer, startDemoPlexServer } from "../src/node.js";

describe("startDemoPlexServer", () => {
  let server: DemoPlexServer;
  beforeAll(async () => {
    server = await startDemoPlexServer({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("listens on 127.0.0.1 with a free port and both bases on one origin", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.plexTvURL).toBe(`${server.url}/api/v2`);
    expect(server.serverURL).toBe(server.url);
  });

  it("serves plex.tv over a real socket, with the form body read", async () => {
    const response = await fetch(`${server.plexTvURL}/users/signin`, {
      method: "POST",
      headers: {
        Accept: "application/json",
        "X-Plex-Client-Identifier": DEMO_CLIENT_IDENTIFIER,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(DEMO_ACCOUNTS.plain).toString(),
    });
    expect(response.status).toBe(201);
    expect((await response.json()).authToken).toBe(DEMO_TOKENS.signedIn);
  });

  it("serves the media server routes, XML by default", async () => {
    const response = await fetch(`${server.serverURL}/security/token?type=delegation&scope=all`, {
      headers: { "X-Plex-Token": DEMO_TOKENS.account },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/xml/);
    expect(await response.text()).toContain(`token="${DEMO_TRANSIENT_TOKEN}"`);
  });

  it("passes error statuses and headers through unchanged", async () => {
    const response = await fetch(`${server.plexTvURL}/users/signin`, {
      method: "POST",
      headers: {
        "X-Plex-Client-Identifier": DEMO_CLIENT_IDENTIFIER,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(DEMO_ACCOUNTS.rateLimited).toString(),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBeNull();
    expect(await response.text()).toContain('code="1003"');
  });

  it("keeps state across requests: a pin created then polled", async () => {
    const headers = { Accept: "application/json", "X-Plex-Client-Identifier": DEMO_CLIENT_IDENTIFIER };
    const pin = await (await fetch(`${server.plexTvURL}/pins`, { method: "POST", headers })).json();
    expect(server.demo.data.pins.has(pin.id)).toBe(true);
    const polled = await fetch(`${server.plexTvURL}/pins/${pin.id}`, { headers });
    expect(polled.status).toBe(200);
  });

  it("stops accepting connections after close()", async () => {
    const other = await startDemoPlexServer();
    await other.close();
    await expect(fetch(`${other.url}/identity`)).rejects.toThrow();
  });
});

describe("startDemoPlexServer: the connections /api/v2/resources lists are real sockets", () => {
  let server: DemoPlexServer;
  beforeAll(async () => {
    server = await startDemoPlexServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const identity = async (uri: string) => {
    const start = performance.now();
    const response = await fetch(`${uri}/identity`, { headers: { Accept: "application/json" } });
    const body = (await response.json()) as { MediaContainer: { machineIdentifier: string } };
    return { id: body.MediaContainer.machineIdentifier, ms: performance.now() - start };
  };

  it("points probeURIs at this server, two more listeners and refused https ports on 127.0.0.2", () => {
    const uris = server.demo.data.probeURIs;
    expect(uris.reachable).toBe(server.url);
    for (const uri of [uris.slow, uris.relay]) expect(uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const uri of [uris.unreachable, uris.unreachableIPv6, uris.sharedOffline]) {
      expect(uri).toMatch(/^https:\/\/127\.0\.0\.2:\d+$/);
    }
  });

  it("the reachable and relay listeners answer as the demo server; the slow one only after DEMO_SLOW_PROBE_MS", async () => {
    const { reachable, relay, slow } = server.demo.data.probeURIs;
    expect((await identity(reachable)).id).toBe(DEMO_SERVER.clientIdentifier);
    expect((await identity(relay)).id).toBe(DEMO_SERVER.clientIdentifier);
    const late = await identity(slow);
    expect(late.id).toBe(DEMO_SERVER.clientIdentifier);
    expect(late.ms).toBeGreaterThanOrEqual(DEMO_SLOW_PROBE_MS - 20);
  });

  it("nothing listens at the unreachable addresses: connection refused", async () => {
    const error = await fetch(`${server.demo.data.probeURIs.unreachable}/identity`).catch((e: Error) => e);
    expect((error as Error & { cause?: { code?: string } }).cause?.code).toBe("ECONNREFUSED");
  });
});
