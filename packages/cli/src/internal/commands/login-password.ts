import { PlexTwoFactorRequiredError, postUsersSignInData, type UserPlexAccount } from "@plex/auth";
import { CliError } from "../cli-error.js";
import type { OptionValues } from "../command.js";
import type { CommandContext } from "../context.js";
import type { SignedIn } from "../store-token.js";

/**
 * Sign-in with login and password: the password is read without echo; when plex.tv answers 1029 the 2FA code is
 * asked for (or taken from --code) and the sign-in sent once more. Never retried on its own: each failed attempt
 * brings plex.tv's lockout (1031) closer.
 */
export async function loginWithPassword(context: CommandContext, values: OptionValues): Promise<SignedIn> {
  const { prompter, io } = context;
  const login =
    (values.username as string | undefined) ??
    (io.env.PLEX_USERNAME?.trim() || undefined) ??
    (await prompter.ask("Plex email or username: ")).trim();
  if (login === "") throw new CliError("No email or username given: nothing was sent.");
  const password = await prompter.askSecret("Password (not shown): ");
  if (password === "") throw new CliError("No password given: nothing was sent.");
  const api = await context.api();
  const signIn = (verificationCode?: string) =>
    postUsersSignInData(
      api.client,
      { requestBody: { login, password, ...(verificationCode ? { verificationCode } : {}) } },
      { signal: io.signal },
    );
  let account: UserPlexAccount;
  const code = values.code as string | undefined;
  try {
    account = (await signIn(code)).data;
  } catch (error) {
    // With --code given, a 1029 means the code was wrong: asking again would only guess.
    if (!(error instanceof PlexTwoFactorRequiredError) || code !== undefined) throw error;
    context.progress("This account uses two-factor authentication.");
    const asked = (await prompter.ask("Two-factor code: ")).trim();
    if (asked === "") throw new CliError("No two-factor code given: nothing was stored.");
    account = (await signIn(asked)).data;
  }
  return { token: account.authToken, username: account.username ?? account.title };
}
