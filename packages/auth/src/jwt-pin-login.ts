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
  /**
   * The device JWT signed when this was prepared, for the `deviceJWT` query parameter of `GET /pins/{id}`. A secret
   * (redacted in errors and logs). It is valid 5 minutes: pollers should call `deviceJwtForPoll()` instead.
   */
  deviceJWT: string;
  /** The device JWT to poll with now: the same one (python-plexapi reuses it) until it is within a minute of expiry, then a newly signed one. */
  deviceJwtForPoll(): Promise<string>;
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
  const { key } = request;
  const scope = request.scope ?? DEFAULT_SCOPE;
  const sign = async () => {
    const signedAt = Date.now();
    return { jwt: await signDeviceJwt(client, key, scope, signedAt, options), signedAt };
  };
  let current = await sign();
  return {
    pinBody: { jwk: { ...key.publicJwk } },
    deviceJWT: current.jwt,
    client: jwtClient(client),
    async deviceJwtForPoll() {
      // Signed for 5 minutes; re-sign with a new nonce a minute before that.
      if (Date.now() - current.signedAt > 4 * 60_000) current = await sign();
      return current.jwt;
    },
  };
}
