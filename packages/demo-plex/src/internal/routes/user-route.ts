import { checkToken } from "../authenticate.js";
import type { DemoRoute } from "../context.js";
import { invalidToken, plexError, respondWith } from "../respond.js";
import { ERRORS } from "./errors.js";

/** `GET /api/v2/user`: the account behind the token, with `authToken` echoing that token as plex.tv does. */
export const userRoute: DemoRoute = (context) => {
  const check = checkToken(context);
  if (check.kind === "revoked") return invalidToken();
  if (check.kind !== "valid") return plexError(context.request, ERRORS.unauthorized);
  return respondWith(context.request, 200, "user", { ...context.data.users.plain, authToken: check.token });
};
