const STORAGE_KEY = "plex-playground.token";

export interface TokenStore {
  get(): string | undefined;
  /** Keeps the token in memory; with `remember`, also in sessionStorage (gone when the tab closes). */
  set(token: string | undefined, remember: boolean): void;
  readonly remembered: boolean;
}

/** The live token lives in memory unless the user asks to remember it: never in localStorage. */
export function createTokenStore(session: Storage): TokenStore {
  let token = session.getItem(STORAGE_KEY) ?? undefined;
  let remembered = token !== undefined;
  return {
    get: () => token,
    set(next, remember) {
      token = next === "" ? undefined : next;
      remembered = remember && token !== undefined;
      if (remembered && token !== undefined) session.setItem(STORAGE_KEY, token);
      else session.removeItem(STORAGE_KEY);
    },
    get remembered() {
      return remembered;
    },
  };
}
