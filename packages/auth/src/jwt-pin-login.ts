import type { PlexClient, RequestOptions } from "@plex/core";
import type { DeviceKey, DevicePublicJwk } from "./device-key.js";
import { DEFAULT_SCOPE, signDeviceJwt } from "./internal/device-jwt.js";
import { assertDeviceKey } from "./internal/device-key-object.js";
import { jwtClient } from "./internal/jwt-client.js";

/**
 * The pieces a PIN login needs to end with a Plex JWT instead of a classic token (as python-plexapi's
 * `MyPlexJWTLogin` does): create the PIN with the device's public JWK in the body, and poll it with a device JWT
 * in the `deviceJWT` query parameter; the PIN's `authToken` is then a Plex JWT for that key (no separate
 * `registerDeviceKey` needed). Used by `createPin`/`waitForPinToken` when given a `key`.
 */
export interface JwtPinLogin {
  /** Merge into the JSON body of `POST /pins`: `{ jwk }` (public part only). */
  pinBody: { jwk: DevicePublicJwk };
  /** Add as the `deviceJWT` query parameter of every `GET /pins/{id}` poll. A secret (redacted in errors/logs). */
  deviceJWT: string;
  /** The client to create and poll the PIN with: the JWT flow lives on clients.plex.tv. */
  client: PlexClient;
}

/**
 * Prepares a PIN login that yields a Plex JWT: fetches a nonce and signs the device JWT used to poll.
 * The device JWT is valid 5 minutes, the same as a PIN's usual lifetime; call again for a new PIN.
 *
 * @example
 * const jwtLogin = await prepareJwtPinLogin(client, { key });
 * // createPin(jwtLogin.client, { ..., jwt: jwtLogin }) / waitForPinToken(jwtLogin.client, pin, { jwt: jwtLogin })
 */
export async function prepareJwtPinLogin(
  client: PlexClient,
  request: { key: DeviceKey; scope?: string },
  options?: RequestOptions,
): Promise<JwtPinLogin> {
  assertDeviceKey(request?.key, "prepareJwtPinLogin");
  const deviceJWT = await signDeviceJwt(
    client,
    request.key,
    request.scope ?? DEFAULT_SCOPE,
    Date.now(),
    options,
  );
  return { pinBody: { jwk: { ...request.key.publicJwk } }, deviceJWT, client: jwtClient(client) };
}
