import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import { type UserPlexAccount, UserPlexAccountSchema } from "@plex/models";

/**
 * Takes no parameters today. It is an object so that fields Plex may add later do not change the signature.
 * `Record<string, never>` accepts only `{}`.
 */
export type GetTokenDetailsRequest = Record<string, never>;

/**
 * Returns the plex.tv account that owns the client's token (GET https://plex.tv/api/v2/user).
 * A revoked token is answered with 422 "Invalid token", which core turns into a PlexUnauthorizedError.
 */
export async function getTokenDetails(
  client: PlexClient,
  request: GetTokenDetailsRequest = {},
  options?: RequestOptions,
): Promise<PlexResponse<UserPlexAccount>> {
  void request; // part of the signature for fields Plex may add; nothing to send yet
  return client.request(
    {
      method: "GET",
      server: "plextv",
      path: "/user",
      auth: true,
      idempotent: true,
      responseSchema: UserPlexAccountSchema,
      operation: "getTokenDetails",
    },
    options,
  );
}
