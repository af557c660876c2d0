import { PlexInvalidRequestError } from "@plex/core";

/** WebCrypto's name for the algorithm; JOSE calls it EdDSA (RFC 8037). */
export const ED25519 = { name: "Ed25519" } as const;

/** `crypto.subtle`, or a clear error where the runtime has none (an insecure browser context, old Node). */
export function subtle(): SubtleCrypto {
  const found = globalThis.crypto?.subtle;
  if (!found) {
    throw new PlexInvalidRequestError(
      "WebCrypto (crypto.subtle) is not available here: device keys need Node 20+, a browser in a secure context (https or localhost), Deno, Bun or a workers runtime",
    );
  }
  return found;
}

/** Runs a WebCrypto step; an engine without Ed25519 (e.g. a browser older than 2025) gets a readable error. */
export async function withEd25519<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof Error && error.name === "NotSupportedError") {
      throw new PlexInvalidRequestError(
        `Cannot ${what}: this runtime's WebCrypto does not support Ed25519 (Node 20+, Chrome 137+, Firefox 129+, Safari 17+, Deno, Bun and workerd do)`,
      );
    }
    // DataError and friends: their messages describe the key, never contain it, but say only what failed.
    throw new PlexInvalidRequestError(`Cannot ${what}: WebCrypto rejected the key (${errorName(error)})`);
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "unknown error";
}
