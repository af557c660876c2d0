const STORAGE_KEY = "plex-playground.clientIdentifier";

/**
 * The identifier Plex lists this playground under. Generated once and kept: a new one per visit would add
 * a new device to the user's Plex account every time.
 */
export function loadClientIdentifier(
  storage: Storage,
  create: () => string = () => crypto.randomUUID(),
): string {
  const existing = storage.getItem(STORAGE_KEY);
  if (existing !== null && existing.trim() !== "") return existing;
  const fresh = `plex-playground-${create()}`;
  storage.setItem(STORAGE_KEY, fresh);
  return fresh;
}

/** Forget the identifier (the next load makes a new one), e.g. after removing the device in Plex. */
export function resetClientIdentifier(
  storage: Storage,
  create: () => string = () => crypto.randomUUID(),
): string {
  storage.removeItem(STORAGE_KEY);
  return loadClientIdentifier(storage, create);
}
