import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import { parseInput } from "@plex/core";
import { type GetPinRequest, GetPinRequestSchema, type Pin, PinSchema } from "@plex/models";

/**
 * Reads a PIN (GET https://plex.tv/api/v2/pins/{id}): `authToken` is null until the user approves it, then the
 * account's token. Use the same client (same `clientIdentifier`) that created it. `waitForPinToken` polls this.
 *
 * An unknown or expired PIN is answered 404 code 1020: PlexPinExpiredError (a PlexAPIError).
 *
 * @example
 * const { data } = await getPin(client, { id: pin.id });
 * if (data.authToken) useToken(data.authToken);
 */
export async function getPin(
  client: PlexClient,
  request: GetPinRequest,
  options?: RequestOptions,
): Promise<PlexResponse<Pin>> {
  const input = parseInput(GetPinRequestSchema, request, "getPin request");
  return client.request(
    {
      method: "GET",
      server: "plextv",
      path: `/pins/${input.id}`,
      auth: false,
      idempotent: true,
      responseSchema: PinSchema,
      operation: "getPin",
    },
    options,
  );
}
