import { PlexInvalidRequestError } from "@plex/core";
import {
  type FindBestConnectionOptions,
  findBestConnection,
  type ProbeTarget,
} from "./find-best-connection.js";
import { PlexAPI } from "./plex-api.js";

/**
 * Finds the best connection of a server (see {@link findBestConnection}) and returns a `PlexAPI` bound to it:
 * `serverURL` is the winning URI and `accessToken` the device's own token (a shared server needs its own token,
 * not the account's). Every other option of `plex` (identity, fetch, middleware, retries) is kept.
 *
 * Use `findBestConnection` directly to see every probe's outcome (or pass `onProbe`).
 *
 * Errors: those of `findBestConnection`, and `PlexInvalidRequestError` for a device without an `accessToken`.
 *
 * @example
 * const { data: servers } = await plex.authentication.getServers();
 * const server = await connectToServer(plex, servers[0]);
 * await server.authentication.getTransientToken({ type: "delegation", scope: "all" });
 */
export async function connectToServer(
  plex: PlexAPI,
  device: ProbeTarget,
  options?: FindBestConnectionOptions,
): Promise<PlexAPI> {
  if (typeof device?.accessToken !== "string" || device.accessToken === "") {
    throw new PlexInvalidRequestError(
      `"${device?.name}" has no accessToken: only servers from getServerResources can be connected to`,
    );
  }
  const best = await findBestConnection(plex.client, device, options);
  const bound = plex.client.withOptions({ serverURL: best.uri, accessToken: device.accessToken });
  return new PlexAPI(bound);
}
