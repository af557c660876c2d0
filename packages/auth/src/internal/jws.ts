import { decodeBase64url, encodeJsonBase64url, utf8 } from "./base64url.js";
import { type DeviceKey, signWith } from "./device-key-object.js";

/** A compact JWS split and decoded, not yet verified. */
export interface DecodedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
}

/**
 * Signs `payload` as a compact JWS with the key: header `{ alg: "EdDSA", typ: "JWT", kid }`. `kid` defaults to the
 * key's own (tests and the demo sign as "Plex" under other key ids).
 */
export async function signJwt(
  key: DeviceKey,
  payload: Record<string, unknown>,
  kid: string = key.kid,
): Promise<string> {
  const input = `${encodeJsonBase64url({ alg: "EdDSA", typ: "JWT", kid })}.${encodeJsonBase64url(payload)}`;
  return `${input}.${await signWith(key, utf8(input))}`;
}

function json(part: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64url(part);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Splits a compact JWS; undefined unless it has three base64url parts whose first two are JSON objects. */
export function decodeJws(token: string): DecodedJws | undefined {
  if (typeof token !== "string") return undefined;
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [head, body, sig] = parts as [string, string, string];
  const header = json(head);
  const payload = json(body);
  const signature = decodeBase64url(sig);
  if (!header || !payload || !signature) return undefined;
  return { header, payload, signingInput: utf8(`${head}.${body}`), signature };
}
