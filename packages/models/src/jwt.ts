import * as z from "zod/mini";
import { list } from "./internal/lists.js";
import { nonEmpty } from "./internal/strings.js";

// plex.tv's JWT flow (`https://clients.plex.tv/api/v2/auth/*`): register a device's Ed25519 public key once,
// then trade a device-signed JWT for a Plex JWT. Only the answers are modelled: the request bodies (the `jwk`
// registration, the device JWT's claims) are built by @plex/auth itself, whose tests check them against the samples.

/** An Ed25519 public key as JWK (RFC 8037), the form `/auth/jwk` takes and `/auth/keys` lists. */
export const PublicJwkSchema = /* @__PURE__ */ z.looseObject({
  kty: nonEmpty,
  crv: z.optional(z.string()),
  /** base64url of the 32-byte public key. */
  x: z.optional(z.string()),
  kid: z.optional(z.string()),
  // `use` ("sig") and `alg` ("EdDSA") are kept untyped (loose object); verifyPlexJwt checks them.
});
export type PublicJwk = z.output<typeof PublicJwkSchema>;

/** 200 body of `GET /api/v2/auth/nonce`: a single-use nonce for the next device JWT. */
export const JwtNonceSchema = /* @__PURE__ */ z.looseObject({ nonce: nonEmpty });
export type JwtNonce = z.output<typeof JwtNonceSchema>;

/** 200 body of `POST /api/v2/auth/token`: the Plex JWT (a secret, like `authToken`). */
export const JwtTokenResponseSchema = /* @__PURE__ */ z.looseObject({ auth_token: nonEmpty });
export type JwtTokenResponse = z.output<typeof JwtTokenResponseSchema>;

/** 200 body of `GET /api/v2/auth/keys`: the public keys plex.tv signs Plex JWTs with (they rotate). */
export const JwtKeySetSchema = /* @__PURE__ */ z.looseObject({ keys: list(PublicJwkSchema) });
export type JwtKeySet = z.output<typeof JwtKeySetSchema>;
