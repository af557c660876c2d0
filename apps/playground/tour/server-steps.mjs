// @ts-check
import { DEMO_TOKENS } from "@plex/demo-plex";
import { formatTable } from "./format.mjs";

/**
 * Tour rows for issue 12: the account's servers, the best connection (with its probe table) and the token check.
 * findBestConnection and validateToken do not answer a PlexResponse, so each run wraps its result with the status
 * that decided it: 200 for the winning /identity and a valid token, plex.tv's 401/422 for an invalid one.
 *
 * @typedef {import("@plex/auth").PlexAPI} PlexAPI
 * @typedef {import("@plex/auth").PlexDevice} PlexDevice
 * @typedef {import("@plex/auth").BestConnection} BestConnection
 * @typedef {import("@plex/auth").ConnectionProbe} ConnectionProbe
 * @typedef {import("@plex/auth").ValidateTokenResult} ValidateTokenResult
 * @typedef {import("./steps.mjs").Step} Step
 */

/** @param {PlexDevice} device */
const isServer = (device) => (device.provides ?? "").split(",").includes("server");

/** @param {unknown} data */
export function resourcesKey(data) {
  const devices = /** @type {PlexDevice[]} */ (data);
  const servers = devices.filter(isServer);
  const owned = servers.filter((device) => device.owned).length;
  return `${devices.length} devices: ${servers.length} servers (${owned} owned, ${servers.length - owned} shared), ${devices.length - servers.length} other`;
}

/** @param {ConnectionProbe} probe */
function kindOf(probe) {
  return `${probe.kind} ${probe.connection.protocol}${probe.connection.IPv6 ? " IPv6" : ""}`;
}

/** @param {unknown} data */
export function bestKey(data) {
  const best = /** @type {BestConnection} */ (data);
  const winner = best.tried.find((probe) => probe.uri === best.uri);
  return `${best.uri} (${winner ? kindOf(winner) : "?"}) in ${best.latencyMs} ms, ${best.tried.length} probed`;
}

/**
 * The probe table: every connection in order of preference, its latency or why it failed, the winner marked.
 * @param {unknown} data
 */
export function probeTable(data) {
  const best = /** @type {BestConnection} */ (data);
  return formatTable(
    ["", "connection", "uri", "result"],
    best.tried.map((probe) => [
      probe.uri === best.uri ? "★" : "",
      kindOf(probe),
      probe.uri,
      probe.outcome === "ok"
        ? `${probe.latencyMs} ms`
        : probe.outcome === "cancelled"
          ? "cancelled (a preferred connection won)"
          : `${probe.reason} after ${probe.latencyMs} ms`,
    ]),
  );
}

/** @param {unknown} data */
export function tokenKey(data) {
  const result = /** @type {ValidateTokenResult} */ (data);
  if (result.valid) return `valid: ${result.account.username}`;
  const { statusCode, code, message } = result.reason;
  return `invalid: ${statusCode}${code === undefined ? "" : ` code ${code}`} ${message}`;
}

/** @param {PlexAPI} plex @param {(devices: PlexDevice[]) => PlexDevice | undefined} choose */
async function pickServer(plex, choose) {
  const { data } = await plex.authentication.getServers();
  const device = choose(data);
  if (device === undefined) throw new Error("the account lists no such server");
  return device;
}

/**
 * @param {PlexAPI} plex
 * @param {PlexDevice} device
 * @param {{ timeoutMs?: number }} [options]
 */
async function best(plex, device, options = {}) {
  return { statusCode: 200, data: await plex.authentication.findBestConnection(device, options) };
}

/** @param {PlexAPI} plex @param {string | undefined} [token] */
async function check(plex, token) {
  const result = await plex.authentication.validateToken(token === undefined ? {} : { token });
  return { statusCode: result.valid ? 200 : result.reason.statusCode, data: result };
}

/** @param {PlexAPI} plex */
const ping = (plex) => plex.authentication.ping();
const pingKey = /** @param {unknown} data */ (data) => `pong ${String(data)}`;
const noKey = () => "";

/**
 * Demo rows: the node demo's connections are real sockets (a refused LAN address, the demo server itself, a slow
 * remote, a relay), so the probe tables show real latencies.
 * @param {PlexAPI} plex
 * @returns {Step[]}
 */
export function demoServerSteps(plex) {
  const ownedServer = () => pickServer(plex, (servers) => servers.find((server) => server.owned));
  return [
    {
      operation: "getServerResources",
      scenario: "account token",
      expect: "ok",
      run: () => plex.authentication.getServerResources(),
      key: resourcesKey,
    },
    {
      operation: "findBestConnection",
      scenario: "owned server, at home",
      expect: "ok",
      run: async () => best(plex, await ownedServer()),
      key: bestKey,
      details: probeTable,
    },
    {
      operation: "findBestConnection",
      scenario: "owned server, away (no LAN)",
      expect: "ok",
      run: async () => {
        const server = await ownedServer();
        return best(plex, { ...server, connections: server.connections.filter((c) => !c.local) });
      },
      key: bestKey,
      details: probeTable,
    },
    {
      operation: "findBestConnection",
      scenario: "shared server, offline",
      expect: "PlexConnectionError",
      run: async () =>
        best(plex, await pickServer(plex, (servers) => servers.find((server) => !server.owned)), {
          timeoutMs: 2000,
        }),
      key: noKey,
    },
    {
      operation: "validateToken",
      scenario: "account token",
      expect: "ok",
      run: () => check(plex),
      key: tokenKey,
    },
    {
      operation: "validateToken",
      scenario: "revoked token",
      expect: "ok",
      run: () => check(plex, DEMO_TOKENS.revoked),
      key: tokenKey,
    },
    { operation: "ping", scenario: "account token", expect: "ok", run: () => ping(plex), key: pingKey },
  ];
}

/**
 * Live rows: your servers, the best connection to your first own server (else the first one), your token.
 * @param {PlexAPI} plex
 * @returns {Step[]}
 */
export function liveServerSteps(plex) {
  return [
    {
      operation: "getServerResources",
      scenario: "your token",
      expect: "ok",
      run: () => plex.authentication.getServerResources(),
      key: resourcesKey,
    },
    {
      operation: "findBestConnection",
      scenario: "your server",
      expect: "ok",
      run: async () =>
        best(plex, await pickServer(plex, (servers) => servers.find((server) => server.owned) ?? servers[0])),
      key: bestKey,
      details: probeTable,
    },
    {
      operation: "validateToken",
      scenario: "your token",
      expect: "ok",
      run: () => check(plex),
      key: tokenKey,
    },
  ];
}
