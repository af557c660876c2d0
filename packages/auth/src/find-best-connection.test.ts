import { PlexAbortError, PlexConnectionError, PlexInvalidRequestError } from "@plex/core";
import type { PlexDevice, PlexDeviceConnection } from "@plex/models";
import { describe, expect, it, vi } from "vitest";
import { ACCESS_TOKEN, IDENTITY, testClient } from "../test/support/mock-plex.js";
import { probeServer, refusedUri } from "../test/support/probe-servers.js";
import { type ConnectionProbe, findBestConnection, type NoConnectionError } from "./find-best-connection.js";

// Real sockets on 127.0.0.1: a stalled connection, a slow one and a refused port behave here as on a network.
// Timing bounds are generous (a loaded 2-core machine): lower bounds come from timers, which never fire early.

const SERVER_ID = "probe0server0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const DEVICE_TOKEN = "device-own-token-7c21";

function connection(uri: string, kind: "local" | "remote" | "relay"): PlexDeviceConnection {
  const { hostname, port, protocol } = new URL(uri);
  return {
    protocol: protocol.replace(":", ""),
    address: hostname,
    port: Number(port),
    uri,
    local: kind === "local",
    relay: kind === "relay",
    IPv6: false,
  };
}

function device(connections: PlexDeviceConnection[], extra: Partial<PlexDevice> = {}): PlexDevice {
  return {
    name: "Probe Server",
    clientIdentifier: SERVER_ID,
    accessToken: DEVICE_TOKEN,
    provides: "server",
    connections,
    ...extra,
  };
}

const identity = (delayMs = 0) => ({ kind: "identity", machineIdentifier: SERVER_ID, delayMs }) as const;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

const reasons = (tried: readonly ConnectionProbe[]) =>
  tried.map((probe) => (probe.outcome === "failed" ? probe.reason : probe.outcome));

describe("findBestConnection over real sockets", () => {
  it("a stalled local, a slow remote and a fast relay: the remote wins once the local times out", async () => {
    const local = await probeServer({ kind: "stall" });
    const remote = await probeServer(identity(300));
    const relay = await probeServer(identity());
    const timeoutMs = 1500;
    // Plex's own order is not the preference order: the relay comes first here.
    const target = device([
      connection(relay.uri, "relay"),
      connection(remote.uri, "remote"),
      connection(local.uri, "local"),
    ]);

    const { value: best, ms } = await timed(() => findBestConnection(testClient(), target, { timeoutMs }));

    expect(best.uri).toBe(remote.uri);
    expect(best.connection.local).toBe(false);
    expect(best.latencyMs).toBeGreaterThanOrEqual(290);
    expect(reasons(best.tried)).toEqual(["timeout", "ok", "ok"]);
    expect(best.tried.map((probe) => probe.uri)).toEqual([local.uri, remote.uri, relay.uri]);
    // About one timeout: not before the local probe gave up, and not one timeout per connection.
    expect(ms).toBeGreaterThanOrEqual(timeoutMs - 20);
    expect(ms).toBeLessThan(timeoutMs + 2500);
    await vi.waitFor(() => expect(local.open()).toBe(0));
  });

  it("returns as soon as the preferred connection answers, and aborts the slower probes", async () => {
    const local = await probeServer(identity());
    const remote = await probeServer({ kind: "stall" });
    const relay = await probeServer({ kind: "stall" });
    const timeoutMs = 5000;

    const { value: best, ms } = await timed(() =>
      findBestConnection(
        testClient(),
        device([
          connection(local.uri, "local"),
          connection(remote.uri, "remote"),
          connection(relay.uri, "relay"),
        ]),
        { timeoutMs },
      ),
    );

    expect(best.uri).toBe(local.uri);
    expect(reasons(best.tried)).toEqual(["ok", "cancelled", "cancelled"]);
    expect(ms).toBeLessThan(timeoutMs / 2);
    // No probe outlives the call: the stalled requests' sockets are closed.
    await vi.waitFor(() => expect(remote.open() + relay.open()).toBe(0));
  });

  it("sends each probe with the device's own token and the client's identity headers", async () => {
    const local = await probeServer(identity());

    await findBestConnection(testClient(), device([connection(local.uri, "local")]));

    const [headers] = local.seen;
    expect(headers?.["x-plex-token"]).toBe(DEVICE_TOKEN);
    expect(headers?.["x-plex-token"]).not.toBe(ACCESS_TOKEN);
    expect(headers?.["x-plex-client-identifier"]).toBe(IDENTITY.clientIdentifier);
    expect(headers?.["x-plex-product"]).toBe(IDENTITY.product);
  });

  it("sends no token at all for a device without one (never the account's)", async () => {
    const local = await probeServer(identity());

    await findBestConnection(testClient(), device([connection(local.uri, "local")], { accessToken: null }));

    expect(local.seen[0]?.["x-plex-token"]).toBeUndefined();
  });

  it("does not count a different server at a reused LAN address, and says so", async () => {
    const impostor = await probeServer({ kind: "identity", machineIdentifier: "someone0else0111222333" });
    const remote = await probeServer(identity());

    const best = await findBestConnection(
      testClient(),
      device([connection(impostor.uri, "local"), connection(remote.uri, "remote")]),
    );

    expect(best.uri).toBe(remote.uri);
    const [first] = best.tried;
    expect(first).toMatchObject({ outcome: "failed", reason: "wrong-server" });
    expect(first?.outcome === "failed" && first.message).toContain("someone0else0111222333");
  });

  it("all failing: one PlexConnectionError listing each URI and why, after about one timeout", async () => {
    const refused = await refusedUri();
    const stalled = await probeServer({ kind: "stall" });
    const impostor = await probeServer({ kind: "identity", machineIdentifier: "someone0else0111222333" });
    const unauthorized = await probeServer({ kind: "status", status: 401 });
    const unresolvable = "http://probe-nowhere.invalid:32400";
    const timeoutMs = 1000;
    const target = device([
      connection(refused, "local"),
      connection(unresolvable, "local"),
      connection(stalled.uri, "remote"),
      connection(unauthorized.uri, "remote"),
      connection(impostor.uri, "relay"),
    ]);

    const start = performance.now();
    const error = (await findBestConnection(testClient(), target, { timeoutMs }).catch(
      (e) => e,
    )) as NoConnectionError;
    const ms = performance.now() - start;

    expect(error).toBeInstanceOf(PlexConnectionError);
    expect(reasons(error.tried)).toEqual(["refused", "dns", "timeout", "http-status", "wrong-server"]);
    expect(error.tried[3]).toMatchObject({ statusCode: 401 });
    for (const uri of [refused, unresolvable, stalled.uri, unauthorized.uri, impostor.uri]) {
      expect(error.message).toContain(uri);
    }
    expect(error.message).toMatch(/timeout/);
    expect(ms).toBeGreaterThanOrEqual(timeoutMs - 20);
    expect(ms).toBeLessThan(timeoutMs + 2500);
    const everything = `${error.message} ${JSON.stringify(error)}`;
    expect(everything).not.toContain(DEVICE_TOKEN);
    expect(everything).not.toContain(ACCESS_TOKEN);
  });

  it("the signal aborts every probe at once", async () => {
    const local = await probeServer({ kind: "stall" });
    const remote = await probeServer({ kind: "stall" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const start = performance.now();
    const error = await findBestConnection(
      testClient(),
      device([connection(local.uri, "local"), connection(remote.uri, "remote")]),
      { timeoutMs: 10_000, signal: controller.signal },
    ).catch((e) => e);

    expect(error).toBeInstanceOf(PlexAbortError);
    expect(performance.now() - start).toBeLessThan(3000);
    expect(local.seen.length + remote.seen.length).toBe(2);
    await vi.waitFor(() => expect(local.open() + remote.open()).toBe(0));
  });

  it("an aborted signal sends nothing", async () => {
    const local = await probeServer(identity());
    const error = await findBestConnection(testClient(), device([connection(local.uri, "local")]), {
      signal: AbortSignal.abort(),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(PlexAbortError);
    expect(local.seen).toHaveLength(0);
  });

  it("skips http connections of a server that requires https", async () => {
    const local = await probeServer(identity());
    const remote = await probeServer(identity());

    const best = await findBestConnection(
      testClient(),
      device([connection(local.uri, "local"), connection(remote.uri.replace("http:", "https:"), "remote")], {
        httpsRequired: true,
      }),
      { timeoutMs: 1000 },
    ).catch((e: NoConnectionError) => e);

    expect(local.seen).toHaveLength(0);
    expect("tried" in best && best.tried[0]).toMatchObject({ outcome: "failed", reason: "https-required" });
  });

  it("reports each probe as it finishes through onProbe", async () => {
    const local = await probeServer({ kind: "status", status: 500 });
    const remote = await probeServer(identity());
    const seen: string[] = [];

    await findBestConnection(
      testClient(),
      device([connection(local.uri, "local"), connection(remote.uri, "remote")]),
      {
        onProbe: (probe) => seen.push(`${probe.kind}:${probe.outcome}`),
      },
    );

    expect(seen.sort()).toEqual(["local:failed", "remote:ok"]);
  });

  it("rejects a device without connections and bad options before sending", async () => {
    await expect(findBestConnection(testClient(), device([]))).rejects.toBeInstanceOf(
      PlexInvalidRequestError,
    );
    const local = await probeServer(identity());
    await expect(
      findBestConnection(testClient(), device([connection(local.uri, "local")]), { timeoutMs: -1 }),
    ).rejects.toBeInstanceOf(PlexInvalidRequestError);
    expect(local.seen).toHaveLength(0);
  });
});
