import type { PlexDevice, PlexDeviceConnection } from "@plex/auth";

export function connectionKind(connection: PlexDeviceConnection): "local" | "remote" | "relay" {
  if (connection.relay === true) return "relay";
  return connection.local ? "local" : "remote";
}

/** A device without its `accessToken`: what `servers --json` prints. */
export function serverSummary(device: PlexDevice) {
  return {
    name: device.name,
    clientIdentifier: device.clientIdentifier,
    product: device.product ?? null,
    productVersion: device.productVersion ?? null,
    provides: device.provides ?? null,
    owned: device.owned === true,
    sourceTitle: device.sourceTitle ?? null,
    presence: device.presence === true,
    httpsRequired: device.httpsRequired === true,
    connections: (device.connections ?? []).map((connection) => ({
      uri: connection.uri,
      kind: connectionKind(connection),
      protocol: connection.protocol ?? null,
      address: connection.address ?? null,
      port: connection.port ?? null,
      IPv6: connection.IPv6 === true,
    })),
  };
}
