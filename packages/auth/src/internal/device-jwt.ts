import type { PlexClient, RequestOptions } from "@plex/core";
import { JwtNonceSchema } from "@plex/models";
import type { DeviceKey } from "./device-key-object.js";
import { signJwt } from "./jws.js";
import { jwtClient } from "./jwt-client.js";

/** The scopes python-plexapi and the spec's example ask for when none are given. */
export const DEFAULT_SCOPE = "username,email,friendly_name";
/** A device JWT is only needed for the exchange that follows; Plex's example and python-plexapi use 5 minutes. */
const DEVICE_JWT_LIFETIME_SEC = 5 * 60;

/** GET /auth/nonce: a single-use nonce, fetched without the account token. */
export async function fetchNonce(client: PlexClient, options?: RequestOptions): Promise<string> {
  const { data } = await jwtClient(client).request(
    {
      method: "GET",
      server: "plextv",
      path: "/auth/nonce",
      auth: false,
      idempotent: true,
      responseSchema: JwtNonceSchema,
      operation: "refreshJwt (nonce)",
    },
    options,
  );
  return data.nonce;
}

/**
 * A fresh nonce signed into a device JWT: `{ nonce, scope, aud: "plex.tv", iss: clientIdentifier, iat, exp }`,
 * header `{ alg: "EdDSA", typ: "JWT", kid }`.
 */
export async function signDeviceJwt(
  client: PlexClient,
  key: DeviceKey,
  scope: string,
  now: number,
  options?: RequestOptions,
): Promise<string> {
  const nonce = await fetchNonce(client, options);
  const iat = Math.floor(now / 1000);
  return signJwt(key, {
    nonce,
    scope,
    aud: "plex.tv",
    iss: client.options.clientIdentifier,
    iat,
    exp: iat + DEVICE_JWT_LIFETIME_SEC,
  });
}
