import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import { PlexInvalidRequestError, parseInput } from "@plex/core";
import { type GetPinRequest, GetPinRequestSchema, type Pin, PinSchema } from "@plex/models";

/** The PIN's `id`, and for a JWT PIN login the device JWT to poll with (`JwtPinLogin.deviceJwtForPoll()`). */
export interface GetPinOptions extends GetPinRequest {
  /** Sent as the `deviceJWT` query parameter, as plex.tv's JWT PIN login expects; redacted in errors and logs. */
  deviceJWT?: string;
}

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
  request: GetPinOptions,
  options?: RequestOptions,
): Promise<PlexResponse<Pin>> {
  const input = parseInput(GetPinRequestSchema, request, "getPin request");
  const deviceJWT = request?.deviceJWT;
  if (
    deviceJWT !== undefined &&
    (typeof deviceJWT !== "string" || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(deviceJWT))
  ) {
    throw new PlexInvalidRequestError("getPin: deviceJWT must be a compact JWT (header.payload.signature)", {
      issues: [{ path: ["deviceJWT"], message: "not a compact JWT" }],
    });
  }
  return client.request(
    {
      method: "GET",
      server: "plextv",
      path: `/pins/${input.id}`,
      query: deviceJWT === undefined ? undefined : { deviceJWT },
      auth: false,
      idempotent: true,
      responseSchema: PinSchema,
      operation: "getPin",
    },
    options,
  );
}
