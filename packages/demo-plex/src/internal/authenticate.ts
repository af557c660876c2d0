import { DEMO_TOKENS } from "../constants.js";
import type { DemoContext } from "./context.js";

/** Plex takes the token from the header or, for URLs pasted into a browser, from the query string. */
export function tokenOf({ request, url }: DemoContext): string | null {
  return request.headers.get("x-plex-token") ?? url.searchParams.get("X-Plex-Token");
}

export function clientIdentifierOf({ request, url }: DemoContext): string | null {
  const value =
    request.headers.get("x-plex-client-identifier") ?? url.searchParams.get("X-Plex-Client-Identifier");
  return value === null || value.trim() === "" ? null : value;
}

export type TokenCheck =
  | { kind: "valid"; token: string }
  | { kind: "revoked" }
  | { kind: "missing-or-unknown" };

/** Both the account token and the token a sign-in hands out are live; the revoked one is known but dead. */
export function checkToken(context: DemoContext): TokenCheck {
  const token = tokenOf(context);
  if (token === DEMO_TOKENS.account || token === DEMO_TOKENS.signedIn) return { kind: "valid", token };
  if (token === DEMO_TOKENS.revoked) return { kind: "revoked" };
  return { kind: "missing-or-unknown" };
}
