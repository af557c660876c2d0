// Just enough JOSE for the demo's clients.plex.tv: EdDSA compact JWS over WebCrypto, in Node and in the browser.

export const ED25519 = { name: "Ed25519" } as const;

export function b64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function unb64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function part(text: string): Record<string, unknown> | null {
  const bytes = unb64url(text);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export interface Jws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  input: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
}

export function decodeJws(token: string): Jws | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const header = part(parts[0]!);
  const payload = part(parts[1]!);
  const signature = unb64url(parts[2]!);
  if (!header || !payload || !signature) return null;
  return { header, payload, input: utf8(`${parts[0]}.${parts[1]}`), signature };
}

export async function signJws(
  privateKey: CryptoKey,
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
): Promise<string> {
  const input = `${b64url(utf8(JSON.stringify(header)))}.${b64url(utf8(JSON.stringify(payload)))}`;
  const signature = new Uint8Array(await crypto.subtle.sign(ED25519, privateKey, utf8(input)));
  return `${input}.${b64url(signature)}`;
}

/** The real check Plex does on a device JWT: EdDSA only, the registered public key, the signature. */
export async function verifyJws(jws: Jws, x: string): Promise<boolean> {
  if (jws.header.alg !== "EdDSA") return false;
  try {
    const key = await crypto.subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x }, ED25519, false, [
      "verify",
    ]);
    return await crypto.subtle.verify(ED25519, key, jws.signature, jws.input);
  } catch {
    return false;
  }
}

/** RFC 7638 thumbprint of an Ed25519 public key. */
export async function thumbprintOf(x: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", utf8(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`));
  return b64url(new Uint8Array(digest));
}
