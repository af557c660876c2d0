import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import { parseInput } from "@plex/core";
import {
  type GetSourceConnectionInformationRequest,
  GetSourceConnectionInformationRequestSchema,
  type SourceConnectionInformationResponse,
  SourceConnectionInformationResponseSchema,
} from "@plex/models";

/**
 * Asks the Plex Media Server for the connections and a transient token of a source it knows
 * (GET {serverURL}/security/resources?source=…, e.g. `server://<clientIdentifier>` for a shared server).
 * Needs an admin token. PMS >= 1.15.4.
 *
 * Errors: `PlexInvalidRequestError` for a source that is not `scheme://identifier`, or no `serverURL`;
 * `PlexUnauthorizedError` for a token that is not the server admin's; `PlexConnectionError`, `PlexTimeoutError`
 * when the server cannot be reached.
 *
 * @example
 * const { data } = await getSourceConnectionInformation(client, { source: "server://a1b2c3" });
 * const uris = data.MediaContainer.Device.Connection.map((connection) => connection.uri);
 */
export async function getSourceConnectionInformation(
  client: PlexClient,
  request: GetSourceConnectionInformationRequest,
  options?: RequestOptions,
): Promise<PlexResponse<SourceConnectionInformationResponse>> {
  const input = parseInput(
    GetSourceConnectionInformationRequestSchema,
    request,
    "getSourceConnectionInformation request",
  );
  return client.request(
    {
      method: "GET",
      server: "pms",
      path: "/security/resources",
      // Passed as a query value, never spliced into the path: core encodes it, so a `&` or `#` in a source
      // stays part of the source instead of starting another parameter or a fragment.
      query: { source: input.source, refresh: input.refresh },
      auth: true,
      idempotent: true,
      responseSchema: SourceConnectionInformationResponseSchema,
      operation: "getSourceConnectionInformation",
    },
    options,
  );
}
