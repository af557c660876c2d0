import * as z from "zod/mini";
import { num } from "./internal/coerce.js";
import { list } from "./internal/lists.js";
import { filled, nonEmpty } from "./internal/strings.js";

// plex.tv's JWT flow (`https://clients.plex.tv/api/v2/auth/*`): register a device's Ed25519 public key once,
// then trade a device-signed JWT for a Plex JWT.

/** An Ed25519 public key as JWK (RFC 8037), the form `/auth/jwk` takes and `/auth/keys` lists. */
export const PublicJwkSchema = /* @__PURE__ */ z.looseObject({
  kty: filled("kty"),
  crv: z.optional(z.string()),
  /** base64url of the 32-byte public key. */
  x: z.optional(z.string()),
  kid: z.optional(z.string()),
  use: z.optional(z.string()),
  alg: z.optional(z.string()),
});
export type PublicJwk = z.output<typeof PublicJwkSchema>;

/** Body of `POST /api/v2/auth/jwk` (and the `jwk` of a PIN created for a JWT login). */
export const RegisterJwkRequestBodySchema = /* @__PURE__ */ z.looseObject({ jwk: PublicJwkSchema });
export type RegisterJwkRequestBody = z.output<typeof RegisterJwkRequestBodySchema>;

/** 200 body of `GET /api/v2/auth/nonce`: a single-use nonce for the next device JWT. */
export const JwtNonceSchema = /* @__PURE__ */ z.looseObject({ nonce: filled("nonce") });
export type JwtNonce = z.output<typeof JwtNonceSchema>;

/** Claims of the JWT a device signs with its own key and sends to `POST /api/v2/auth/token`. */
export const DeviceJwtPayloadSchema = /* @__PURE__ */ z.looseObject({
  nonce: filled("nonce"),
  /** Comma-separated, e.g. `username,email,friendly_name`. */
  scope: z.optional(z.string()),
  aud: filled("aud"),
  /** The device's `X-Plex-Client-Identifier`. */
  iss: filled("iss"),
  iat: num,
  exp: num,
});
export type DeviceJwtPayload = z.output<typeof DeviceJwtPayloadSchema>;

/** 200 body of `POST /api/v2/auth/token`: the Plex JWT (a secret, like `authToken`). */
export const JwtTokenResponseSchema = /* @__PURE__ */ z.looseObject({ auth_token: nonEmpty });
export type JwtTokenResponse = z.output<typeof JwtTokenResponseSchema>;

/** 200 body of `GET /api/v2/auth/keys`: the public keys plex.tv signs Plex JWTs with (they rotate). */
export const JwtKeySetSchema = /* @__PURE__ */ z.looseObject({ keys: list(PublicJwkSchema) });
export type JwtKeySet = z.output<typeof JwtKeySetSchema>;
