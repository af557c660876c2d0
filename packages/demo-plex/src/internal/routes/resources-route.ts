import { checkToken } from "../authenticate.js";
import type { DemoRoute } from "../context.js";
import { probeConnections } from "../probe-connections.js";
import { invalidToken, plexError, respondWithList, tokenExpired } from "../respond.js";
import { ERRORS } from "./errors.js";

function flag(value: string | null): boolean {
  return value === "1" || value === "true";
}

/**
 * `GET /api/v2/resources`: the account's devices. As on plex.tv, relay and IPv6 connections are only listed
 * when asked for (`includeRelay=1`, `includeIPv6=1`). The servers' connections come from `data.probeURIs`, so
 * they lead wherever this demo is served (msw origins or the node server's sockets).
 */
export const resourcesRoute: DemoRoute = (context) => {
  const check = checkToken(context);
  if (check.kind === "revoked") return invalidToken();
  if (check.kind === "expired") return tokenExpired(context.request);
  if (check.kind !== "valid") return plexError(context.request, ERRORS.unauthorized);
  const includeRelay = flag(context.url.searchParams.get("includeRelay"));
  const includeIPv6 = flag(context.url.searchParams.get("includeIPv6"));
  const planned = probeConnections(context.data.probeURIs);
  const devices = context.data.resources.map((device) => ({
    ...device,
    connections: (planned[device.clientIdentifier] ?? device.connections).filter(
      (connection) => (includeRelay || !connection.relay) && (includeIPv6 || !connection.IPv6),
    ),
  }));
  return respondWithList(context.request, "resources", devices);
};
