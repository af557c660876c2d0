import type { PlexClient, RequestOptions } from "@plex/core";
import { PlexInvalidRequestError, PlexValidationError } from "@plex/core";
import { JwtTokenResponseSchema } from "@plex/models";
import type { DeviceKey } from "./device-key.js";
import { DEFAULT_SCOPE, signDeviceJwt } from "./internal/device-jwt.js";
import { assertDeviceKey } from "./internal/device-key-object.js";
import { decodeJws } from "./internal/jws.js";
import { jwtClient } from "./internal/jwt-client.js";

export interface RefreshJwtRequest {
  key: DeviceKey;
  /** Comma-separated claims the Plex JWT should carry. Default `username,email,friendly_name`. */
  scope?: string;
}

export interface PlexJwt {
  /** The Plex JWT: use it as the client's `accessToken` on plex.tv. A secret. */
  token: string;
  /** When it expires (its `exp` claim), in epoch milliseconds: 7 days after issue today. */
  expiresAt: number;
}

/**
 * Trades a device-signed JWT for a Plex JWT: GET /auth/nonce → sign `{ nonce, scope, aud: "plex.tv",
 * iss: clientIdentifier, iat, exp: +5 min }` with the device key → POST /auth/token `{ jwt }` → `auth_token`
 * (all on https://clients.plex.tv/api/v2). Needs a key registered with `registerDeviceKey`; sends no account token.
 * `expiresAt` is read from the token without checking its signature: use `verifyPlexJwt` for that.
 *
 * Errors: `PlexUnauthorizedError` (key not registered or revoked), `PlexValidationError` (Plex's answer is not a
 * JWT with `exp`), `PlexInvalidRequestError` (not a DeviceKey, empty scope).
 *
 * @example
 * const { token, expiresAt } = await refreshJwt(client, { key });
 */
export async function refreshJwt(
  client: PlexClient,
  request: RefreshJwtRequest,
  options?: RequestOptions,
): Promise<PlexJwt> {
  assertDeviceKey(request?.key, "refreshJwt");
  const scope = request.scope ?? DEFAULT_SCOPE;
  if (typeof scope !== "string" || !/^[\w-]+(,[\w-]+)*$/.test(scope)) {
    throw new PlexInvalidRequestError(
      'refreshJwt: scope must be a comma-separated list such as "username,email"',
    );
  }
  const jwt = await signDeviceJwt(client, request.key, scope, Date.now(), options);
  const { data } = await jwtClient(client).request(
    {
      method: "POST",
      server: "plextv",
      path: "/auth/token",
      body: { json: { jwt } },
      auth: false,
      // The nonce inside is single-use: a repeat after an answer can only fail.
      idempotent: false,
      responseSchema: JwtTokenResponseSchema,
      operation: "refreshJwt",
    },
    options,
  );
  const exp = decodeJws(data.auth_token)?.payload.exp;
  if (typeof exp !== "number" || !Number.isFinite(exp)) {
    throw new PlexValidationError("refreshJwt: Plex's auth_token is not a JWT with a numeric exp claim", {
      issues: [{ path: ["auth_token"], message: "expected a JWT with an exp claim" }],
    });
  }
  return { token: data.auth_token, expiresAt: exp * 1000 };
}
