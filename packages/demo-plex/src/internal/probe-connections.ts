import { DEMO_SERVER, type DemoConnection, type DemoProbeURIs } from "../constants.js";

// A `*.plex.direct` name carries the address in its first label: 192-168-50-20 or 2001-db8-4a--20.
function addressOf(hostname: string): string {
  if (!hostname.endsWith(".plex.direct")) return hostname;
  const label = hostname.split(".")[0] ?? hostname;
  return /^\d+-\d+-\d+-\d+$/.test(label) ? label.replaceAll("-", ".") : label.replaceAll("-", ":");
}

function connection(uri: string, kind: { local: boolean; relay?: boolean; IPv6?: boolean }): DemoConnection {
  const url = new URL(uri);
  const protocol = url.protocol === "https:" ? "https" : "http";
  return {
    protocol,
    address: addressOf(url.hostname.replace(/^\[|\]$/g, "")),
    port: Number(url.port || (protocol === "https" ? 443 : 80)),
    uri: uri.replace(/\/+$/, ""),
    local: kind.local,
    relay: kind.relay ?? false,
    IPv6: kind.IPv6 ?? false,
  };
}

/**
 * The connections `/api/v2/resources` lists, by device: the owned server mixes a stale LAN address, the demo server
 * itself, a slow remote, an IPv6 address and a relay; the shared server has one address, offline.
 */
export function probeConnections(uris: DemoProbeURIs): Record<string, DemoConnection[]> {
  return {
    [DEMO_SERVER.clientIdentifier]: [
      connection(uris.unreachable, { local: true }),
      connection(uris.reachable, { local: true }),
      connection(uris.slow, { local: false }),
      connection(uris.unreachableIPv6, { local: false, IPv6: true }),
      connection(uris.relay, { local: false, relay: true }),
    ],
    [DEMO_SHARED_SERVER_ID]: [connection(uris.sharedOffline, { local: false })],
  };
}

/** The shared server's clientIdentifier (see demo-data.ts). */
export const DEMO_SHARED_SERVER_ID = "demo0friend0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c";
