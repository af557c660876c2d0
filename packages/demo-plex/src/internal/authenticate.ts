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
  | { kind: "valid"; token: string; jwt?: boolean }
  | { kind: "revoked" }
  | { kind: "expired" }
  | { kind: "missing-or-unknown" };

const LIVE: ReadonlySet<string> = new Set([
  DEMO_TOKENS.account,
  DEMO_TOKENS.signedIn,
  DEMO_TOKENS.signedInTwoFactor,
  DEMO_TOKENS.homeMember,
  DEMO_TOKENS.homeManaged,
]);

/**
 * plex.tv's view of a token: the account, sign-in and Home tokens are live, the revoked one is known but dead,
 * and a Plex JWT the demo issued is live until its `exp`, then "expired" (plex.tv answers 498).
 */
export function checkToken(context: DemoContext): TokenCheck {
  const token = tokenOf(context);
  if (token !== null && LIVE.has(token)) return { kind: "valid", token };
  if (token === DEMO_TOKENS.revoked) return { kind: "revoked" };
  const issued = token === null ? undefined : context.jwt.issued.get(token);
  if (token !== null && issued) {
    return issued.exp * 1000 > context.now().getTime()
      ? { kind: "valid", token, jwt: true }
      : { kind: "expired" };
  }
  return { kind: "missing-or-unknown" };
}

/**
 * A Plex Media Server's view: only classic tokens. Users report that servers may refuse Plex JWTs, so the demo
 * server does too, which keeps apps honest about using the server's own `accessToken` from the resources list.
 */
export function checkServerToken(context: DemoContext): boolean {
  const check = checkToken(context);
  return check.kind === "valid" && !check.jwt;
}
