import { DEMO_ACCOUNTS, DEMO_TOKENS } from "../../constants.js";
import type { DemoContext, DemoRoute } from "../context.js";
import { plexError, respondWith } from "../respond.js";
import { ERRORS } from "./errors.js";

const THIRTY_DAYS_S = 30 * 24 * 60 * 60;
const TWO_WEEKS_S = 14 * 24 * 60 * 60;

/** plex.tv reads sign-in fields from a form body; any other encoding reads as empty fields, so it fails. */
async function readForm(context: DemoContext): Promise<URLSearchParams> {
  const type = context.request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded")) return new URLSearchParams();
  return new URLSearchParams(await context.request.text());
}

/** `POST /api/v2/users/signin`, playing every scenario of the demo table. */
export const signInRoute: DemoRoute = async (context) => {
  const form = await readForm(context);
  const login = form.get("login") ?? "";
  const password = form.get("password") ?? "";
  const verificationCode = form.get("verificationCode") ?? "";
  const rememberMe = form.get("rememberMe") === "true" || form.get("rememberMe") === "1";
  const { request, data } = context;

  // These two answer the same whatever the password: the limit and the lockout sit in front of the check.
  if (login === DEMO_ACCOUNTS.rateLimited.login) return plexError(request, ERRORS.rateLimited, "xml");
  if (login === DEMO_ACCOUNTS.locked.login) return plexError(request, ERRORS.repeatedFailures, "xml");

  // Each account gets its own token, so `/api/v2/user` with it answers the account that signed in.
  let user: Record<string, unknown>;
  let authToken: string;
  if (login === DEMO_ACCOUNTS.plain.login && password === DEMO_ACCOUNTS.plain.password) {
    user = data.users.plain;
    authToken = DEMO_TOKENS.signedIn;
  } else if (login === DEMO_ACCOUNTS.twoFactor.login && password === DEMO_ACCOUNTS.twoFactor.password) {
    if (verificationCode !== DEMO_ACCOUNTS.twoFactor.verificationCode) {
      return plexError(request, ERRORS.verificationCodeRequired);
    }
    user = data.users.twoFactor;
    authToken = DEMO_TOKENS.signedInTwoFactor;
  } else {
    return plexError(request, ERRORS.unauthorized);
  }

  const nowS = Math.floor(context.now().getTime() / 1000);
  return respondWith(request, 201, "user", {
    ...user,
    authToken,
    rememberExpiresAt: nowS + (rememberMe ? THIRTY_DAYS_S : TWO_WEEKS_S),
  });
};
