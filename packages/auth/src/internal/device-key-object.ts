import { PlexInvalidRequestError, REDACTED } from "@plex/core";
import { encodeBase64url } from "./base64url.js";
import { ED25519, subtle } from "./ed25519.js";

/** The public half of a device key as Plex registers it (`POST /auth/jwk`). */
export interface DevicePublicJwk {
  kty: "OKP";
  crv: "Ed25519";
  /** base64url of the 32-byte public key. */
  x: string;
  kid: string;
  use: "sig";
  alg: "EdDSA";
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
const privateKeys = new WeakMap<object, CryptoKey>();

/**
 * An Ed25519 device key pair. The private key is held out of reach of `JSON.stringify`, spreads, `util.inspect`
 * and `console.log` (they show the `kid` and the public JWK only); use `exportDeviceKey` to store it.
 */
export class DeviceKey {
  /** The key id Plex knows this key by (the RFC 7638 thumbprint unless an imported JWK carried its own). */
  readonly kid: string;
  readonly publicJwk: Readonly<DevicePublicJwk>;
  /** Whether `exportDeviceKey` can write the private key out. */
  readonly extractable: boolean;

  /** @internal Use `generateDeviceKey` or `importDeviceKey`. */
  constructor(privateKey: CryptoKey, publicJwk: DevicePublicJwk) {
    privateKeys.set(this, privateKey);
    this.kid = publicJwk.kid;
    this.publicJwk = Object.freeze({ ...publicJwk });
    this.extractable = privateKey.extractable;
    Object.freeze(this);
  }

  toJSON(): Record<string, unknown> {
    return { kid: this.kid, publicJwk: this.publicJwk, privateKey: REDACTED };
  }

  [INSPECT](): string {
    return `DeviceKey ${JSON.stringify(this.toJSON())}`;
  }
}

/** The private CryptoKey of a DeviceKey made by this package (a look-alike object has none). */
export function privateKeyOf(key: DeviceKey): CryptoKey | undefined {
  return privateKeys.get(key);
}

/** Signs `data` with the device key: 64 bytes, base64url. */
export async function signWith(key: DeviceKey, data: Uint8Array<ArrayBuffer>): Promise<string> {
  const privateKey = privateKeyOf(key);
  if (!privateKey) throw new TypeError("not a DeviceKey");
  return encodeBase64url(new Uint8Array(await subtle().sign(ED25519, privateKey, data)));
}

/** RFC 7638 JWK thumbprint of an Ed25519 public key: SHA-256 over the required members in lexical order. */
export async function thumbprint(x: string): Promise<string> {
  const canonical = `{"crv":"Ed25519","kty":"OKP","x":"${x}"}`;
  const digest = await subtle().digest("SHA-256", new TextEncoder().encode(canonical));
  return encodeBase64url(new Uint8Array(digest));
}

/** Throws unless `key` is a DeviceKey made by this package. */
export function assertDeviceKey(key: unknown, what: string): asserts key is DeviceKey {
  if (!(key instanceof DeviceKey) || !privateKeyOf(key)) {
    throw new PlexInvalidRequestError(
      `${what}: key must be a DeviceKey from generateDeviceKey() or importDeviceKey()`,
    );
  }
}
