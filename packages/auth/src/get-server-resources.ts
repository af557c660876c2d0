import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import { parseInput } from "@plex/core";
import {
  type GetServerResourcesRequest,
  GetServerResourcesRequestSchema,
  type PlexDevice,
  PlexDevicesSchema,
} from "@plex/models";

/**
 * Lists the servers, players and clients the account can use, each with its connections and the token to use
 * with it (`GET https://plex.tv/api/v2/resources`). `includeHttps`, `includeRelay` and `includeIPv6` default to
 * true and are sent as `1`/`0`: without them plex.tv leaves relay and IPv6 connections out.
 *
 * Errors: `PlexInvalidRequestError` for a non-boolean flag or no token; `PlexUnauthorizedError` for a revoked
 * (422) or unknown (401) token; `PlexConnectionError`, `PlexTimeoutError`, `PlexRateLimitError` otherwise.
 *
 * @example
 * const { data: devices } = await getServerResources(client);
 * const owned = devices.filter((device) => device.owned);
 */
export async function getServerResources(
  client: PlexClient,
  request: GetServerResourcesRequest = {},
  options?: RequestOptions,
): Promise<PlexResponse<PlexDevice[]>> {
  const input = parseInput(GetServerResourcesRequestSchema, request, "getServerResources request");
  return client.request(
    {
      method: "GET",
      server: "plextv",
      path: "/resources",
      query: {
        includeHttps: input.includeHttps ?? true,
        includeRelay: input.includeRelay ?? true,
        includeIPv6: input.includeIPv6 ?? true,
      },
      auth: true,
      idempotent: true,
      responseSchema: PlexDevicesSchema,
      operation: "getServerResources",
    },
    options,
  );
}
