import { PlexInvalidJwtError, type PlexJwtCheck } from "@plex/core";
import type { PublicJwk } from "@plex/models";
import type { PlexJwtKeySource } from "./create-plex-jwt-key-source.js";
import type { DeviceKey } from "./device-key.js";
import { ED25519, subtle } from "./internal/ed25519.js";
import { decodeJws } from "./internal/jws.js";

/** The claims of a verified Plex JWT. Plex adds the account fields asked for in `scope`. */
export interface PlexJwtClaims {
  iss: string;
  aud: string | string[];
  /** Epoch seconds. */
  exp: number;
  /** Epoch seconds. */
  iat: number;
  /** The `kid` of the device key the token was issued to. */
  thumbprint?: string;
  nbf?: number;
  sub?: string;
  username?: string;
  email?: string;
  friendly_name?: string;
  [claim: string]: unknown;
}

export interface VerifyPlexJwtOptions {
  /** Plex's public keys: a key source (`createPlexJwtKeySource(client)`, refetched once on an unknown kid), a key set or a list. */
  keys: PlexJwtKeySource | { keys: readonly PublicJwk[] } | readonly PublicJwk[];
  /** This app's `X-Plex-Client-Identifier`: accepted as an audience beside `plex.tv`. */
  clientIdentifier: string;
  /** When given, the token's `thumbprint` claim must be this key's `kid` (it was issued to this device). */
  key?: DeviceKey;
  /** Allowed clock difference for `exp`, `iat` and `nbf`. Default 30 000 ms. */
  clockToleranceMs?: number;
  /** Epoch ms to check against. Default `Date.now()`. */
  now?: number;
}

function fail(check: PlexJwtCheck, message: string): never {
  throw new PlexInvalidJwtError(`Plex JWT rejected: ${message}`, { check });
}

function isSource(keys: VerifyPlexJwtOptions["keys"]): keys is PlexJwtKeySource {
  return typeof (keys as PlexJwtKeySource).getKeys === "function";
}

async function keysFrom(keys: VerifyPlexJwtOptions["keys"], refresh: boolean): Promise<readonly PublicJwk[]> {
  if (isSource(keys)) return keys.getKeys(refresh);
  return Array.isArray(keys) ? keys : (keys as { keys: readonly PublicJwk[] }).keys;
}

function usable(jwk: PublicJwk, kid: string): boolean {
  return (
    jwk.kid === kid &&
    jwk.kty === "OKP" &&
    jwk.crv === "Ed25519" &&
    typeof jwk.x === "string" &&
    (jwk.alg === undefined || jwk.alg === "EdDSA" || jwk.alg === "Ed25519") &&
    (jwk.use === undefined || jwk.use === "sig")
  );
}

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/**
 * Verifies a Plex JWT and returns its claims: the signature against Plex's published keys (fetched once more
 * when the `kid` is unknown: they rotate), the algorithm pinned to EdDSA (`none` or any other is rejected
 * before a key is looked at), `iss` = `plex.tv`, `aud` including `plex.tv` or `clientIdentifier`, `exp`, `iat`
 * and `nbf` within `clockToleranceMs`, and `thumbprint` = `key.kid` when `key` is given. Runs where WebCrypto has
 * Ed25519; sends nothing but the key fetch.
 *
 * Errors: `PlexInvalidJwtError` with `check` naming the failed check (never the token);
 * whatever the key source throws (e.g. `PlexConnectionError`).
 *
 * @example
 * const claims = await verifyPlexJwt(token, { keys: createPlexJwtKeySource(client), clientIdentifier, key });
 */
export async function verifyPlexJwt(token: string, options: VerifyPlexJwtOptions): Promise<PlexJwtClaims> {
  const jws = decodeJws(token);
  if (!jws) fail("format", "not a compact JWS (three base64url parts with JSON header and claims)");
  const { header, payload: claims } = jws;
  if (header.alg !== "EdDSA") fail("alg", 'the algorithm must be "EdDSA"');
  if (header.crit !== undefined) fail("alg", "critical header extensions are not supported");
  const kid = header.kid;
  if (typeof kid !== "string" || kid === "") fail("kid", "the header has no kid");

  let jwk = (await keysFrom(options.keys, false)).find((candidate) => usable(candidate, kid));
  if (!jwk && isSource(options.keys)) {
    jwk = (await keysFrom(options.keys, true)).find((candidate) => usable(candidate, kid));
  }
  if (!jwk) fail("kid", "no Plex key with this kid (not in /auth/keys, even after fetching them again)");

  let valid = false;
  try {
    const publicKey = await subtle().importKey(
      "jwk",
      { kty: "OKP", crv: "Ed25519", x: jwk.x },
      ED25519,
      false,
      ["verify"],
    );
    valid = await subtle().verify(ED25519, publicKey, jws.signature, jws.signingInput);
  } catch {
    valid = false;
  }
  if (!valid) fail("signature", "the signature does not match Plex's key");

  const now = options.now ?? Date.now();
  const tolerance = options.clockToleranceMs ?? 30_000;
  if (claims.iss !== "plex.tv") fail("iss", 'the issuer is not "plex.tv"');
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.some((aud) => aud === "plex.tv" || aud === options.clientIdentifier)) {
    fail("aud", 'the audience is neither "plex.tv" nor this client identifier');
  }
  if (!isNumber(claims.exp) || claims.exp * 1000 + tolerance <= now) fail("exp", "the token has expired");
  if (!isNumber(claims.iat) || claims.iat * 1000 - tolerance > now)
    fail("iat", "the token is issued in the future");
  if (claims.nbf !== undefined && (!isNumber(claims.nbf) || claims.nbf * 1000 - tolerance > now)) {
    fail("nbf", "the token is not valid yet");
  }
  if (options.key !== undefined && claims.thumbprint !== options.key.kid) {
    fail("thumbprint", "the token was issued to another device key");
  }
  return claims as PlexJwtClaims;
}
