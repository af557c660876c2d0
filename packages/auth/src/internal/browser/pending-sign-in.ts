/** sessionStorage key of the redirect flow's pending sign-in. */
export const PENDING_SIGN_IN_KEY = "plex-auth.pendingSignIn";

/** What the redirect flow keeps in sessionStorage (never in the URL: nobody can hand the user a PIN). */
export interface PendingSignIn {
  pinId: number;
  code: string;
  clientIdentifier: string;
}

export function readPendingSignIn(storage: Pick<Storage, "getItem">): PendingSignIn | undefined {
  try {
    const value = JSON.parse(storage.getItem(PENDING_SIGN_IN_KEY) ?? "null") as Partial<PendingSignIn> | null;
    if (
      value !== null &&
      typeof value.pinId === "number" &&
      typeof value.code === "string" &&
      typeof value.clientIdentifier === "string" &&
      value.clientIdentifier !== ""
    ) {
      return { pinId: value.pinId, code: value.code, clientIdentifier: value.clientIdentifier };
    }
  } catch {
    // unreadable: nothing to resume
  }
  return undefined;
}

export function writePendingSignIn(storage: Pick<Storage, "setItem">, pending: PendingSignIn): void {
  storage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(pending));
}
