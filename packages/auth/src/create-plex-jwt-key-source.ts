import type { PlexClient } from "@plex/core";
import type { PublicJwk } from "@plex/models";
import { getPlexJwtKeys } from "./get-plex-jwt-keys.js";

/** Where `verifyPlexJwt` gets Plex's public keys: `refresh` asks for a fresh copy (a `kid` was not found). */
export interface PlexJwtKeySource {
  getKeys(refresh: boolean): Promise<readonly PublicJwk[]>;
}

/**
 * Plex's JWT signing keys from GET /auth/keys, fetched on first use and kept; `verifyPlexJwt` asks for a fresh
 * copy once when a token names an unknown `kid` (keys rotate). Concurrent fetches share one request, and a
 * refresh (not the first load) is not repeated within `minRefreshIntervalMs` (default 60 s) so forged `kid`s cannot make us hammer Plex.
 *
 * @example
 * const keys = createPlexJwtKeySource(client);
 * const claims = await verifyPlexJwt(token, { keys, clientIdentifier: client.options.clientIdentifier });
 */
export function createPlexJwtKeySource(
  client: PlexClient,
  options: { minRefreshIntervalMs?: number; now?: () => number } = {},
): PlexJwtKeySource {
  const minInterval = options.minRefreshIntervalMs ?? 60_000;
  const now = options.now ?? Date.now;
  let cached: Promise<readonly PublicJwk[]> | undefined;
  let refreshedAt = Number.NEGATIVE_INFINITY;
  const fetchKeys = (): Promise<readonly PublicJwk[]> => {
    const pending = getPlexJwtKeys(client).then((response) => response.data.keys);
    // A failed fetch is not kept: the next call tries again.
    pending.catch(() => {
      if (cached === pending) cached = undefined;
    });
    cached = pending;
    return pending;
  };
  return {
    getKeys(refresh) {
      if (!cached) return fetchKeys();
      if (refresh && now() - refreshedAt >= minInterval) {
        refreshedAt = now();
        return fetchKeys();
      }
      return cached;
    },
  };
}
