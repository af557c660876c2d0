import type { PlexClient } from "@plex/core";

/** Where Plex serves the JWT endpoints (`/auth/*`, and PINs created for a JWT login). */
export const PLEX_CLIENTS_URL = "https://clients.plex.tv/api/v2";

const remembered = new WeakMap<PlexClient, PlexClient>();

/**
 * The client to send JWT-flow calls with. Plex serves `/auth/nonce`, `/auth/jwk`, `/auth/token` and
 * `/auth/keys` on clients.plex.tv (as python-plexapi calls them), not on plex.tv, so a client on the default
 * plex.tv base URL is pointed at `https://clients.plex.tv/api/v2`. Any other `plexTvURL` (a proxy, the demo,
 * a test server) is used as it is: it is expected to serve the same paths.
 */
export function jwtClient(client: PlexClient): PlexClient {
  const base = client.options.plexTvURL;
  let host: string | undefined;
  try {
    host = base === undefined ? "plex.tv" : new URL(base).hostname;
  } catch {
    host = undefined; // core rejects a malformed URL on the request itself
  }
  if (host !== "plex.tv") return client;
  let mapped = remembered.get(client);
  if (!mapped) {
    mapped = client.withOptions({ plexTvURL: PLEX_CLIENTS_URL });
    remembered.set(client, mapped);
  }
  return mapped;
}
