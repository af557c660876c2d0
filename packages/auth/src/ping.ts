import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import { type PingResponse, PingResponseSchema } from "@plex/models";

/**
 * Keeps a token alive: plex.tv's `GET https://plex.tv/api/v2/ping` with the token (python-plexapi's
 * `MyPlexAccount.ping()`), answered `<pong>true</pong>`. `data` is `true` when plex.tv accepted it.
 *
 * Errors: `PlexUnauthorizedError` for a revoked or unknown token; `PlexConnectionError`, `PlexTimeoutError`,
 * `PlexRateLimitError` when plex.tv could not be asked.
 *
 * @example
 * const { data: alive } = await ping(client);
 */
export async function ping(
  client: PlexClient,
  options?: RequestOptions,
): Promise<PlexResponse<PingResponse>> {
  return client.request(
    {
      method: "GET",
      server: "plextv",
      path: "/ping",
      auth: true,
      idempotent: true,
      responseSchema: PingResponseSchema,
      operation: "ping",
    },
    options,
  );
}
