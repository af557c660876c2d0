import type { PlexClient } from "@plex/core";
import { PlexAbortError, PlexConnectionError, PlexInvalidRequestError } from "@plex/core";
import { IdentitySchema, type PlexDevice, type PlexDeviceConnection } from "@plex/models";
import { classifyProbeError, type ProbeFailureReason } from "./internal/classify-probe-error.js";
import { type ConnectionKind, kindOf, rankConnections } from "./internal/rank-connections.js";

export type { ConnectionKind, ProbeFailureReason };

interface ProbeBase {
  readonly uri: string;
  readonly connection: PlexDeviceConnection;
  readonly kind: ConnectionKind;
}

/** The device answered `/identity` at this URI as itself. */
export interface ConnectionProbeOk extends ProbeBase {
  readonly outcome: "ok";
  /** Milliseconds from sending the probe to its answer. */
  readonly latencyMs: number;
}

/** This URI did not work: `reason` says why, `message` in words (never a token). */
export interface ConnectionProbeFailed extends ProbeBase {
  readonly outcome: "failed";
  readonly reason: ProbeFailureReason;
  readonly message: string;
  /** Set when `reason` is `"http-status"`. */
  readonly statusCode?: number;
  /** Milliseconds until it failed (0 when not tried, e.g. `"https-required"`). */
  readonly latencyMs: number;
}

/** Stopped unanswered because a more preferred connection had already won. */
export interface ConnectionProbeCancelled extends ProbeBase {
  readonly outcome: "cancelled";
}

/** What happened to one connection during {@link findBestConnection}. */
export type ConnectionProbe = ConnectionProbeOk | ConnectionProbeFailed | ConnectionProbeCancelled;

export interface FindBestConnectionOptions {
  /** How long each probe may take, in ms; all run at once, so the whole call takes about this long at most. Default 5000. */
  timeoutMs?: number;
  /** Aborts every probe at once; the call then rejects with `PlexAbortError`. */
  signal?: AbortSignal;
  /** Within local, remote and relay, try https connections before http ones. Default true. */
  preferHttps?: boolean;
  /** Called as each probe finishes (ok or failed), e.g. to fill a table live. Not called for cancelled probes. */
  onProbe?: (probe: ConnectionProbe) => void;
}

/** The winning connection, with every probe's outcome in order of preference. */
export interface BestConnection {
  readonly connection: PlexDeviceConnection;
  /** The connection's URI: pass it as `serverURL`. */
  readonly uri: string;
  readonly latencyMs: number;
  readonly tried: readonly ConnectionProbe[];
}

/** The `PlexConnectionError` thrown when no connection works, with each probe's outcome. */
export type NoConnectionError = PlexConnectionError & { readonly tried: readonly ConnectionProbe[] };

/** The device fields {@link findBestConnection} reads. */
export type ProbeTarget = Pick<PlexDevice, "name" | "clientIdentifier" | "accessToken" | "connections"> &
  Partial<Pick<PlexDevice, "httpsRequired" | "dnsRebindingProtection">>;

const now = (): number => globalThis.performance?.now?.() ?? Date.now();
const elapsed = (start: number): number => Math.round(now() - start);

function checkOptions(device: ProbeTarget, timeoutMs: number, signal: unknown): void {
  if (typeof device?.clientIdentifier !== "string" || device.clientIdentifier === "") {
    throw new PlexInvalidRequestError(
      "findBestConnection needs a device from getServerResources (clientIdentifier)",
    );
  }
  if (!Array.isArray(device.connections)) {
    throw new PlexInvalidRequestError("findBestConnection needs a device with its connections array");
  }
  if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new PlexInvalidRequestError("timeoutMs must be a positive number of milliseconds");
  }
  if (signal !== undefined && typeof (signal as AbortSignal)?.addEventListener !== "function") {
    throw new PlexInvalidRequestError("signal must be an AbortSignal");
  }
}

function hintFor(reason: ProbeFailureReason, uri: string, device: ProbeTarget): string {
  if (reason === "dns" && /\.plex\.direct(:\d+)?(\/|$)/i.test(uri)) {
    // Routers with DNS rebinding protection refuse names that resolve to private addresses.
    return device.dnsRebindingProtection
      ? " (this server has DNS rebinding protection on; allow plex.direct in the router's DNS)"
      : " (plex.direct names are blocked by some routers' DNS rebinding protection)";
  }
  return "";
}

/**
 * Finds the connection of a device (from `getServerResources`) that works from here. Every connection's
 * `GET {uri}/identity` is probed at once, with the device's own `accessToken` and the client's identity headers.
 * Preference: local, then remote, then relay (relay bandwidth is capped); within each, https before http when
 * `preferHttps`. The answer is the most preferred connection whose server says it is this device
 * (`machineIdentifier` equals `clientIdentifier`), returned as soon as every more preferred one has failed;
 * the other probes are then aborted, and none outlives the call. With `httpsRequired`, http connections are
 * listed as `"https-required"` and not tried. Only the URIs Plex lists are probed: a `*.plex.direct` name that
 * does not resolve (DNS rebinding protection) is reported as `"dns"` with a hint, not rewritten.
 *
 * Errors: `PlexConnectionError` listing each URI and why it failed (`error.tried`), within about one
 * `timeoutMs`; `PlexAbortError` when `signal` aborts; `PlexInvalidRequestError` for a device without
 * connections or a bad option.
 *
 * @example
 * const { data: servers } = await getServers(client);
 * const { uri, latencyMs } = await findBestConnection(client, servers[0], { timeoutMs: 3000 });
 */
export async function findBestConnection(
  client: PlexClient,
  device: ProbeTarget,
  options: FindBestConnectionOptions = {},
): Promise<BestConnection> {
  const { timeoutMs = 5000, signal, preferHttps = true, onProbe } = options;
  checkOptions(device, timeoutMs, signal);
  if (signal?.aborted) throw new PlexAbortError("findBestConnection was aborted before any probe was sent");
  const candidates = rankConnections(device.connections, preferHttps);
  if (candidates.length === 0) {
    throw new PlexInvalidRequestError(
      `"${device.name}" lists no connections: ask getServerResources with includeRelay and includeIPv6`,
    );
  }

  const token = device.accessToken ?? undefined;
  const probeClient = token === undefined ? client : client.withOptions({ accessToken: token });
  const controller = new AbortController();
  const results: (ConnectionProbe | undefined)[] = candidates.map(() => undefined);
  let decide: (outcome: "decided" | "aborted") => void = () => {};
  const decision = new Promise<"decided" | "aborted">((resolve) => {
    decide = resolve;
  });
  let decided = false;
  const onAbort = () => {
    decided = true;
    decide("aborted");
    controller.abort();
  };
  signal?.addEventListener("abort", onAbort, { once: true });

  // The most preferred answer wins once everything ranked above it has failed.
  const check = () => {
    if (decided) return;
    for (const result of results) {
      if (result === undefined) return;
      if (result.outcome === "ok") break;
    }
    decided = true;
    decide("decided");
  };
  const record = (index: number, probe: ConnectionProbe) => {
    if (decided) return;
    results[index] = probe;
    try {
      onProbe?.(probe);
    } finally {
      check();
    }
  };

  const probes = candidates.map(async (connection, index) => {
    const base = { uri: connection.uri, connection, kind: kindOf(connection) };
    if (device.httpsRequired === true && connection.protocol === "http") {
      const message = "not tried: the server requires https (httpsRequired)";
      record(index, { ...base, outcome: "failed", reason: "https-required", message, latencyMs: 0 });
      return;
    }
    const start = now();
    try {
      const response = await probeClient.request(
        {
          method: "GET",
          server: "pms",
          path: "/identity",
          auth: token !== undefined,
          idempotent: true,
          responseSchema: IdentitySchema,
          operation: "findBestConnection",
        },
        { serverURL: connection.uri, signal: controller.signal, timeoutMs, retry: false },
      );
      const latencyMs = elapsed(start);
      const answered = response.data.MediaContainer.machineIdentifier;
      if (answered === device.clientIdentifier) {
        record(index, { ...base, outcome: "ok", latencyMs });
      } else {
        const message = `a different server answered (machineIdentifier ${answered}), not "${device.name}"`;
        record(index, { ...base, outcome: "failed", reason: "wrong-server", message, latencyMs });
      }
    } catch (error) {
      if (decided) return; // aborted because another connection won, or by the caller
      const failure = classifyProbeError(error);
      const message = failure.message + hintFor(failure.reason, connection.uri, device);
      record(index, { ...base, outcome: "failed", ...failure, message, latencyMs: elapsed(start) });
    }
  });
  check(); // every connection may have been skipped already

  const outcome = await decision;
  controller.abort(); // stop the probes still running...
  await Promise.all(probes); // ...and let none outlive this call (each settles at once when aborted)
  signal?.removeEventListener("abort", onAbort);
  if (outcome === "aborted") throw new PlexAbortError("findBestConnection was aborted");

  const tried: ConnectionProbe[] = results.map(
    (result, index) =>
      result ?? {
        uri: candidates[index]!.uri,
        connection: candidates[index]!,
        kind: kindOf(candidates[index]!),
        outcome: "cancelled",
      },
  );
  const winner = tried.find((probe): probe is ConnectionProbeOk => probe.outcome === "ok");
  if (winner) return { connection: winner.connection, uri: winner.uri, latencyMs: winner.latencyMs, tried };

  const lines = tried.map((probe) =>
    probe.outcome === "failed" ? `${probe.uri} (${probe.reason}: ${probe.message})` : probe.uri,
  );
  const error = new PlexConnectionError(
    `No connection to "${device.name}" worked: ${lines.join("; ")}. Check that the server is running and reachable from here.`,
    { host: hostOf(candidates[0]!.uri) },
  );
  Object.defineProperty(error, "tried", { value: tried, enumerable: true });
  throw error;
}

function hostOf(uri: string): string {
  try {
    return new URL(uri).host;
  } catch {
    return uri;
  }
}
