import {
  DEMO_CLIENT_IDENTIFIER,
  DEMO_PROBE_URIS,
  DEMO_SERVER,
  DEMO_SERVER_URL,
  DEMO_SLOW_PROBE_MS,
  DEMO_TOKENS,
  DEMO_TRANSIENT_TOKEN,
} from "@plex/demo-plex";
import { demoHandlers } from "@plex/demo-plex/msw";
import { type DemoPlexServer, startDemoPlexServer } from "@plex/demo-plex/node";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type ConnectionProbe,
  connectToServer,
  findBestConnection,
  type NoConnectionError,
  PlexAPI,
  PlexConnectionError,
  type PlexDevice,
} from "../src/index.js";

// The demo account's servers, from discovery to a working connection, as the playground and tour show them:
// through msw (what the browser demo does) and over real sockets (the node demo).

const outcomes = (tried: readonly ConnectionProbe[]) =>
  tried.map((probe) => `${probe.uri} ${probe.outcome === "failed" ? probe.reason : probe.outcome}`);

const owned = (devices: PlexDevice[]) =>
  devices.find((device) => device.owned && device.provides === "server")!;

describe("the demo's servers through msw", () => {
  const server = setupServer(...demoHandlers());
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const plex = new PlexAPI({
    clientIdentifier: DEMO_CLIENT_IDENTIFIER,
    accessToken: DEMO_TOKENS.account,
    serverURL: DEMO_SERVER_URL,
    retry: false,
  });

  it("lists an owned and a shared server, and a player that getServers leaves out", async () => {
    const { data: devices } = await plex.authentication.getServerResources();
    const { data: servers } = await plex.authentication.getServers();
    expect(devices).toHaveLength(3);
    expect(servers.map((device) => [device.name, device.owned, device.presence])).toEqual([
      [DEMO_SERVER.name, true, true],
      ["Friend's Basement", false, false],
    ]);
  });

  it("the owned server: the demo server itself wins over a dead LAN address, without waiting for the slow remote", async () => {
    const { data } = await plex.authentication.getServers();
    const start = performance.now();
    const best = await plex.authentication.findBestConnection(owned(data), { timeoutMs: 5000 });
    expect(best.uri).toBe(DEMO_SERVER_URL);
    expect(outcomes(best.tried).slice(0, 3)).toEqual([
      `${DEMO_PROBE_URIS.unreachable} unreachable`,
      `${DEMO_SERVER_URL} ok`,
      `${DEMO_PROBE_URIS.slow} cancelled`,
    ]);
    expect(performance.now() - start).toBeLessThan(DEMO_SLOW_PROBE_MS);
  });

  it("from a token to the server in two calls: getServers, then connectToServer", async () => {
    const { data } = await plex.authentication.getServers();
    const server = await connectToServer(plex, owned(data));
    const token = await server.authentication.getTransientToken({ type: "delegation", scope: "all" });
    expect(token.data.MediaContainer.token).toBe(DEMO_TRANSIENT_TOKEN);
  });

  it("the offline shared server: one PlexConnectionError naming its address", async () => {
    const { data } = await plex.authentication.getServers();
    const error = (await findBestConnection(plex.client, data[1]!).catch((e) => e)) as NoConnectionError;
    expect(error).toBeInstanceOf(PlexConnectionError);
    expect(error.message).toContain(DEMO_PROBE_URIS.sharedOffline);
    expect(outcomes(error.tried)).toEqual([`${DEMO_PROBE_URIS.sharedOffline} unreachable`]);
  });

  it("token health: account valid, revoked invalid (422), ping true", async () => {
    expect(await plex.authentication.validateToken()).toMatchObject({ valid: true });
    expect(await plex.authentication.validateToken({ token: DEMO_TOKENS.revoked })).toEqual({
      valid: false,
      reason: { statusCode: 422, code: undefined, message: "Invalid token" },
    });
    expect((await plex.authentication.ping()).data).toBe(true);
  });
});

describe("the demo's servers over real sockets", () => {
  let demo: DemoPlexServer;
  let plex: PlexAPI;
  beforeAll(async () => {
    demo = await startDemoPlexServer();
    plex = new PlexAPI({
      clientIdentifier: DEMO_CLIENT_IDENTIFIER,
      accessToken: DEMO_TOKENS.account,
      plexTvURL: demo.plexTvURL,
      retry: false,
    });
  });
  afterAll(async () => {
    await demo.close();
  });

  it("the local demo server wins; the dead LAN address is refused", async () => {
    const { data } = await plex.authentication.getServers();
    const best = await plex.authentication.findBestConnection(owned(data));
    const uris = demo.demo.data.probeURIs;
    expect(best.uri).toBe(demo.url);
    expect(outcomes(best.tried).slice(0, 2)).toEqual([`${uris.unreachable} refused`, `${demo.url} ok`]);
  });

  it("off the home network (no local connection): the slow remote beats the fast relay", async () => {
    const { data } = await plex.authentication.getServers();
    const server = owned(data);
    const remoteOnly = {
      ...server,
      connections: server.connections.filter((connection) => !connection.local),
    };
    const start = performance.now();
    const best = await plex.authentication.findBestConnection(remoteOnly, { timeoutMs: 5000 });
    const uris = demo.demo.data.probeURIs;
    expect(best.uri).toBe(uris.slow);
    expect(best.latencyMs).toBeGreaterThanOrEqual(DEMO_SLOW_PROBE_MS - 20);
    expect(performance.now() - start).toBeLessThan(5000);
    // https first within remote: the dead IPv6 address (https) is ranked above the slow one (http on this demo).
    expect(outcomes(best.tried)).toEqual([
      `${uris.unreachableIPv6} refused`,
      `${uris.slow} ok`,
      `${uris.relay} ok`,
    ]);
  });
});
