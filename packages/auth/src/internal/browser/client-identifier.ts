/** Where `createClientIdentifier` keeps the identifier by default. */
export const CLIENT_IDENTIFIER_KEY = "plex-auth.clientIdentifier";

/** Where `createClientIdentifier` keeps the identifier: `localStorage` by default, or anything with these two methods. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem">;

function randomId(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * A client identifier (`X-Plex-Client-Identifier`) created once and kept in `storage` (localStorage by default),
 * so this browser stays one device in the user's Plex account. A new identifier per visit would add a device to
 * their list every time. Without any storage (a server, a locked-down iframe) a fresh one is returned.
 *
 * @example
 * const client = createPlexClient({ clientIdentifier: createClientIdentifier(), product: "My App" });
 */
export function createClientIdentifier(
  storage?: KeyValueStorage,
  key: string = CLIENT_IDENTIFIER_KEY,
): string {
  let store = storage;
  if (store === undefined) {
    try {
      store = globalThis.localStorage; // reading it throws where storage is blocked
    } catch {
      store = undefined;
    }
  }
  const existing = store?.getItem(key);
  if (typeof existing === "string" && existing.trim() !== "") return existing;
  const fresh = randomId();
  try {
    store?.setItem(key, fresh);
  } catch {
    // a full or blocked storage: still sign in, with an identifier for this page only
  }
  return fresh;
}
