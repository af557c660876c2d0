import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import type { GetServerResourcesRequest, PlexDevice } from "@plex/models";
import { getServerResources } from "./get-server-resources.js";

/** True when a device's comma-separated `provides` names `server` (players and clients are not servers). */
export function isServer(device: Pick<PlexDevice, "provides">): boolean {
  return (device.provides ?? "").split(",").some((role) => role.trim() === "server");
}

/**
 * {@link getServerResources} keeping only Plex Media Servers (`provides` includes `server`): owned, Home and
 * shared servers alike. The same request (`GET https://plex.tv/api/v2/resources`), flags and errors:
 * `PlexInvalidRequestError` for a non-boolean flag or no token; `PlexUnauthorizedError` for a revoked or unknown
 * token; `PlexConnectionError`, `PlexTimeoutError`, `PlexRateLimitError` otherwise.
 *
 * @example
 * const { data: servers } = await getServers(client);
 * const best = await findBestConnection(client, servers[0]);
 */
export async function getServers(
  client: PlexClient,
  request: GetServerResourcesRequest = {},
  options?: RequestOptions,
): Promise<PlexResponse<PlexDevice[]>> {
  const response = await getServerResources(client, request, options);
  return { ...response, data: response.data.filter(isServer) };
}
