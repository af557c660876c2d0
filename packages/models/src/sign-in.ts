import * as z from "zod/mini";
import { strictBool } from "./internal/coerce.js";
import { filled } from "./internal/strings.js";

/** Form body of `POST /users/signin` (plex.tv): login credentials, plus the 2FA code when the account has one. */
export const PostUsersSignInDataRequestBodySchema = /* @__PURE__ */ z.object({
  /** Account email or username. */
  login: filled("login"),
  /** Account password (never logged). */
  password: filled("password"),
  /** Keep the session longer (Plex defaults to false). */
  rememberMe: z.optional(strictBool),
  /** Two-factor verification code, e.g. "123456". */
  verificationCode: z.optional(z.string()),
});
export interface PostUsersSignInDataRequestBody
  extends z.output<typeof PostUsersSignInDataRequestBodySchema> {}
