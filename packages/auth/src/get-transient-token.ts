import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import { parseInput } from "@plex/core";
import {
  type GetTransientTokenRequest,
  GetTransientTokenRequestSchema,
  type TransientTokenResponse,
  TransientTokenResponseSchema,
} from "@plex/models";

/**
 * Asks the Plex Media Server for a transient token (POST {serverURL}/security/token?type=delegation&scope=all):
 * same access as the caller's token, valid for up to 48 hours, gone when the server restarts.
 * `type: "delegation"` and `scope: "all"` are the only values PMS accepts.
 *
 * Errors: `PlexInvalidRequestError` for another type or scope, or no `serverURL`; `PlexUnauthorizedError` for a
 * token the server refuses; `PlexConnectionError`, `PlexTimeoutError` when the server cannot be reached.
 *
 * @example
 * const { data } = await getTransientToken(client, { type: "delegation", scope: "all" });
 * const friendToken = data.MediaContainer.token;
 */
export async function getTransientToken(
  client: PlexClient,
  request: GetTransientTokenRequest,
  options?: RequestOptions,
): Promise<PlexResponse<TransientTokenResponse>> {
  // Rejected here, before anything is sent: PMS answers a bad value with an HTML 400 that says nothing useful.
  const input = parseInput(GetTransientTokenRequestSchema, request, "getTransientToken request");
  return client.request(
    {
      // POST, not GET. PMS answers every verb here; the current spec prefers POST. What decides it is caching:
      // each call mints a new secret, and a GET may be answered from a browser or proxy cache (possibly a token
      // for someone else, or one destroyed by a server restart). POST responses are not cached by default.
      method: "POST",
      server: "pms",
      path: "/security/token",
      query: { type: input.type, scope: input.scope },
      auth: true,
      // Retrying is still safe: a duplicate transient token is harmless and expires on its own.
      idempotent: true,
      responseSchema: TransientTokenResponseSchema,
      operation: "getTransientToken",
    },
    options,
  );
}
