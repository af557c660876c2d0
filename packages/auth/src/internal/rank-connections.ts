import type { PlexDeviceConnection } from "@plex/models";

/** Where a connection leads: the same network, the server's public address, or Plex's relay (bandwidth capped). */
export type ConnectionKind = "local" | "remote" | "relay";

export function kindOf(connection: PlexDeviceConnection): ConnectionKind {
  if (connection.relay === true) return "relay";
  return connection.local ? "local" : "remote";
}

const TIER: Record<ConnectionKind, number> = { local: 0, remote: 1, relay: 2 };

/**
 * The connections in order of preference: local, then remote, then relay; within each, https before http when
 * `preferHttps`, else Plex's own order. The sort is stable, so equal connections keep Plex's order.
 */
export function rankConnections(
  connections: readonly PlexDeviceConnection[],
  preferHttps: boolean,
): PlexDeviceConnection[] {
  const score = (connection: PlexDeviceConnection) =>
    TIER[kindOf(connection)] * 2 + (preferHttps && connection.protocol !== "https" ? 1 : 0);
  return connections
    .map((connection, index) => ({ connection, index, score: score(connection) }))
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map(({ connection }) => connection);
}
