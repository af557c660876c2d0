import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import { type UserPlexAccount, UserPlexAccountSchema } from "@plex/models";

/**
 * Takes no parameters today. It is an object so that fields Plex may add later do not change the signature.
 * `Record<string, never>` accepts only `{}`.
 */
export type GetTokenDetailsRequest = Record<string, never>;

/**
 * Returns the plex.tv account that owns the client's token (GET https://plex.tv/api/v2/user).
 *
 * Errors: `PlexUnauthorizedError` for an unknown (401) or revoked (422 "Invalid token") token;
 * `PlexInvalidRequestError` when the client has no token; `PlexConnectionError`, `PlexTimeoutError`,
 * `PlexRateLimitError` when plex.tv could not be asked.
 *
 * @example
 * const { data: account } = await getTokenDetails(client);
 * console.log(account.username, account.subscription?.active);
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
