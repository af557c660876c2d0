import { PlexInvalidRequestError } from "@plex/core";
import { decodeBase64url } from "./internal/base64url.js";
import {
  assertDeviceKey,
  DeviceKey,
  type DevicePublicJwk,
  privateKeyOf,
  signWith,
  thumbprint,
} from "./internal/device-key-object.js";
import { ED25519, subtle, withEd25519 } from "./internal/ed25519.js";

export { DeviceKey, type DevicePublicJwk };

/**
 * A device key as JWK, private part included: what `exportDeviceKey` writes and `importDeviceKey` reads.
 * `d` is the private key: store this like a password (a file readable by the app only, the OS keychain…).
 */
export interface DeviceKeyJwk {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  /** The private key, base64url. A secret. */
  d: string;
  kid?: string;
  use?: "sig";
  alg?: "EdDSA";
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

function publicJwkOf(x: string, kid: string): DevicePublicJwk {
  return { kty: "OKP", crv: "Ed25519", x, kid, use: "sig", alg: "EdDSA" };
}

/**
 * Creates a new Ed25519 device key pair with WebCrypto (Node 20+, browsers, Deno, Bun, workers). Its `kid` is
 * the RFC 7638 thumbprint of the public key. Register it once with `registerDeviceKey`, store it with
 * `exportDeviceKey`. `extractable: false` keeps the private key inside WebCrypto (it can then not be exported).
 *
 * @example
 * const key = await generateDeviceKey();
 * await registerDeviceKey(client, { key });
 */
export async function generateDeviceKey(options: { extractable?: boolean } = {}): Promise<DeviceKey> {
  const pair = await withEd25519("generate a device key", async () => {
    return (await subtle().generateKey(ED25519, options.extractable ?? true, [
      "sign",
      "verify",
    ])) as CryptoKeyPair;
  });
  const { x } = (await subtle().exportKey("jwk", pair.publicKey)) as { x: string };
  return new DeviceKey(pair.privateKey, publicJwkOf(x, await thumbprint(x)));
}

/**
 * The device key as a JWK with its private part `d`, for storage. The returned object serialises normally
 * (`JSON.stringify`) but `util.inspect`/`console.log` show `d` as [REDACTED].
 *
 * Errors: `PlexInvalidRequestError` when the key was made with `extractable: false`.
 */
export async function exportDeviceKey(key: DeviceKey): Promise<DeviceKeyJwk> {
  assertDeviceKey(key, "exportDeviceKey");
  if (!key.extractable) {
    throw new PlexInvalidRequestError(
      "exportDeviceKey: this key was created or imported with extractable: false",
    );
  }
  const { d } = (await subtle().exportKey("jwk", privateKeyOf(key)!)) as { d: string };
  const jwk: DeviceKeyJwk = { ...key.publicJwk, d };
  Object.defineProperty(jwk, INSPECT, {
    value: () => `DeviceKeyJwk ${JSON.stringify({ ...jwk, d: "[REDACTED]" })}`,
  });
  return jwk;
}

function isKeyPart(value: unknown): value is string {
  // 32 bytes in base64url without padding.
  return typeof value === "string" && value.length === 43 && decodeBase64url(value)?.length === 32;
}

/**
 * Reads a device key written by `exportDeviceKey` (or any Ed25519 private JWK). A `kid` in the JWK is kept, so a
 * key registered by another tool under its own key id keeps working; without one the RFC 7638 thumbprint is
 * used. The pair is checked (a test signature) so a mismatched `x`/`d` fails here, not at Plex.
 *
 * Errors: `PlexInvalidRequestError` for anything that is not an Ed25519 private JWK (the message never repeats
 * the key).
 */
export async function importDeviceKey(
  jwk: DeviceKeyJwk,
  options: { extractable?: boolean } = {},
): Promise<DeviceKey> {
  const value = jwk as unknown as Record<string, unknown> | null;
  if (
    typeof value !== "object" ||
    value === null ||
    value.kty !== "OKP" ||
    value.crv !== "Ed25519" ||
    !isKeyPart(value.x) ||
    !isKeyPart(value.d) ||
    (value.kid !== undefined && (typeof value.kid !== "string" || value.kid === ""))
  ) {
    throw new PlexInvalidRequestError(
      'importDeviceKey: expected an Ed25519 private JWK ({ kty: "OKP", crv: "Ed25519", x, d }, 32-byte base64url parts)',
    );
  }
  const x = value.x as string;
  const extractable = options.extractable ?? true;
  const privateKey = await withEd25519("import the device key", () =>
    subtle().importKey("jwk", { kty: "OKP", crv: "Ed25519", x, d: value.d as string }, ED25519, extractable, [
      "sign",
    ]),
  );
  const kid = (value.kid as string | undefined) ?? (await thumbprint(x));
  const key = new DeviceKey(privateKey, publicJwkOf(x, kid));
  if (!(await pairMatches(key))) {
    throw new PlexInvalidRequestError(
      "importDeviceKey: the private key d does not belong to the public key x",
    );
  }
  return key;
}

async function pairMatches(key: DeviceKey): Promise<boolean> {
  const probe = new Uint8Array([112, 108, 101, 120]);
  const signature = decodeBase64url(await signWith(key, probe))!;
  const publicKey = await subtle().importKey("jwk", { ...key.publicJwk }, ED25519, false, ["verify"]);
  return subtle().verify(ED25519, publicKey, signature, probe);
}
