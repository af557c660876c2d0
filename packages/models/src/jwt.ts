import * as z from "zod/mini";
import { list } from "./internal/lists.js";
import { looseObject, type Named } from "./internal/loose-object.js";
import { nonEmpty } from "./internal/strings.js";

// plex.tv's JWT flow (`https://clients.plex.tv/api/v2/auth/*`): register a device's Ed25519 public key once,
// then trade a device-signed JWT for a Plex JWT. Only the answers are modelled: the request bodies (the `jwk`
// registration, the device JWT's claims) are built by @plex/auth itself, whose tests check them against the samples.

/** An Ed25519 public key as JWK (RFC 8037), the form `/auth/jwk` takes and `/auth/keys` lists. */
export const PublicJwkSchema = /* @__PURE__ */ looseObject({
  kty: nonEmpty,
  crv: z.optional(z.string()),
  /** base64url of the 32-byte public key. */
  x: z.optional(z.string()),
  kid: z.optional(z.string()),
  /** "sig" when set; verifyPlexJwt checks it. */
  use: z.optional(z.string()),
  /** "EdDSA" when set; verifyPlexJwt checks it. */
  alg: z.optional(z.string()),
});
export interface PublicJwk extends z.output<typeof PublicJwkSchema> {}

/** 200 body of `GET /api/v2/auth/nonce`: a single-use nonce for the next device JWT. */
export const JwtNonceSchema = /* @__PURE__ */ looseObject({ nonce: nonEmpty });
export interface JwtNonce extends z.output<typeof JwtNonceSchema> {}

/** 200 body of `POST /api/v2/auth/token`: the Plex JWT (a secret, like `authToken`). */
export const JwtTokenResponseSchema = /* @__PURE__ */ looseObject({ auth_token: nonEmpty });
export interface JwtTokenResponse extends z.output<typeof JwtTokenResponseSchema> {}

/** 200 body of `GET /api/v2/auth/keys`: the public keys plex.tv signs Plex JWTs with (they rotate). */
export const JwtKeySetSchema = /* @__PURE__ */ looseObject({
  keys: list(PublicJwkSchema as Named<PublicJwk>),
});
export interface JwtKeySet extends z.output<typeof JwtKeySetSchema> {}
