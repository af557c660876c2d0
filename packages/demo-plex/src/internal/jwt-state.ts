import { DEMO_JWT } from "../constants.js";
import { b64url, ED25519, signJws } from "./jws.js";

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: Record<string, unknown>;
}

export interface IssuedJwt {
  /** Epoch seconds. */
  exp: number;
  kid: string;
  clientIdentifier: string;
}

/** The demo clients.plex.tv's memory: registered device keys, live nonces, its own signing keys, issued JWTs. */
export interface DemoJwtState {
  /** kid → the registered public JWK (and who registered it). */
  readonly deviceKeys: Map<string, { x: string; clientIdentifier: string }>;
  readonly nonces: Map<string, { expiresAt: number; clientIdentifier: string }>;
  /** Nonce requests per client identifier in the current minute, for the rate limit. */
  readonly nonceRequests: Map<string, { minute: number; count: number }>;
  /** Every Plex JWT the demo issued, so plex.tv routes can accept it (or answer 498 once expired). */
  readonly issued: Map<string, IssuedJwt>;
  lifetimeSec: number;
  /** The published key set: [previous, current]. */
  signingKeys(): Promise<readonly SigningKey[]>;
  /** A new current key; the old current stays published as previous, the oldest goes (Plex rotates). */
  rotateSigningKeys(): Promise<void>;
  sign(payload: Record<string, unknown>): Promise<string>;
}

let serial = 0;

async function newSigningKey(): Promise<SigningKey> {
  const pair = (await crypto.subtle.generateKey(ED25519, false, ["sign", "verify"])) as CryptoKeyPair;
  const { x } = (await crypto.subtle.exportKey("jwk", pair.publicKey)) as { x: string };
  serial += 1;
  const kid = `demo-plex-${serial}-${b64url(crypto.getRandomValues(new Uint8Array(6)))}`;
  return {
    kid,
    privateKey: pair.privateKey,
    publicJwk: { kty: "OKP", crv: "Ed25519", x, kid, use: "sig", alg: "EdDSA" },
  };
}

export function createJwtState(options: { lifetimeSec?: number } = {}): DemoJwtState {
  let keys: Promise<SigningKey[]> | undefined;
  const signingKeys = () => {
    keys ??= Promise.all([newSigningKey(), newSigningKey()]);
    return keys;
  };
  return {
    deviceKeys: new Map(),
    nonces: new Map(),
    nonceRequests: new Map(),
    issued: new Map(),
    lifetimeSec: options.lifetimeSec ?? DEMO_JWT.lifetimeSec,
    signingKeys,
    async rotateSigningKeys() {
      const [, current] = await signingKeys();
      const next = await newSigningKey();
      keys = Promise.resolve([current!, next]);
    },
    async sign(payload) {
      const current = (await signingKeys())[1]!;
      return signJws(current.privateKey, { alg: "EdDSA", typ: "JWT", kid: current.kid }, payload);
    },
  };
}
