import { DEMO_TOKENS } from "../../constants.js";
import { checkToken } from "../authenticate.js";
import type { DemoRoute } from "../context.js";
import { invalidToken, plexError, respondWith, tokenExpired } from "../respond.js";
import { ERRORS } from "./errors.js";
import { homeAccountOf } from "./home-routes.js";

/** `GET /api/v2/user`: the account behind the token, with `authToken` echoing that token as plex.tv does. */
export const userRoute: DemoRoute = (context) => {
  const check = checkToken(context);
  if (check.kind === "revoked") return invalidToken();
  if (check.kind === "expired") return tokenExpired(context.request);
  if (check.kind !== "valid") return plexError(context.request, ERRORS.unauthorized);
  // A Home member's token is that member's account; the 2FA sign-in's token is the 2FA account.
  const account =
    homeAccountOf(check.token) ??
    (check.token === DEMO_TOKENS.signedInTwoFactor ? context.data.users.twoFactor : context.data.users.plain);
  return respondWith(context.request, 200, "user", { ...account, authToken: check.token });
};
