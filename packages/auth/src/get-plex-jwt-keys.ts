import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import { type JwtKeySet, JwtKeySetSchema } from "@plex/models";
import { jwtClient } from "./internal/jwt-client.js";

/**
 * The public keys plex.tv signs Plex JWTs with (GET https://clients.plex.tv/api/v2/auth/keys), for
 * `verifyPlexJwt`. They rotate: fetch again when a token names a `kid` that is not in the set. No token needed.
 *
 * @example
 * const { data } = await getPlexJwtKeys(client);
 */
export async function getPlexJwtKeys(
  client: PlexClient,
  options?: RequestOptions,
): Promise<PlexResponse<JwtKeySet>> {
  return jwtClient(client).request(
    {
      method: "GET",
      server: "plextv",
      path: "/auth/keys",
      auth: false,
      idempotent: true,
      responseSchema: JwtKeySetSchema,
      operation: "getPlexJwtKeys",
    },
    options,
  );
}
