import type { CommandContext } from "./context.js";
import { DEFAULT_PLEX_TV_URL } from "./context.js";

/** A sign-in's outcome: the account token and, for messages, whose it is. */
export interface SignedIn {
  readonly token: string;
  readonly username: string | undefined;
}

/** Saves a fresh token (and who it belongs to) in one atomic write; returns the config path for messages. */
export async function storeToken(
  context: CommandContext,
  token: string,
  username: string | undefined,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const config = await context.config();
  const plexTvURL = await context.plexTvURL();
  const {
    plexTvURL: _old,
    username: _oldName,
    deviceKey: _oldKey,
    tokenType: _oldType,
    jwtExpiresAt: _oldExpiry,
    ...rest
  } = config;
  await context.saveConfig({
    ...rest,
    token,
    ...(username === undefined ? {} : { username }),
    // Remembered only when it is not plex.tv, so the demo's token is never sent to plex.tv by a later command.
    ...(plexTvURL === DEFAULT_PLEX_TV_URL ? {} : { plexTvURL }),
    ...extra,
  });
  return context.store.path;
}

/** What `login` prints once a token is stored: the token itself only with --print. */
export function reportLogin(
  context: CommandContext,
  outcome: { token: string; username: string | undefined; path: string; print: boolean; method: string },
): void {
  const who = outcome.username ?? "the account";
  if (context.json) {
    context.printJson({
      username: outcome.username ?? null,
      method: outcome.method,
      config: outcome.path,
      ...(outcome.print ? { token: outcome.token } : {}),
    });
    return;
  }
  const { green, bold } = context.colors.err;
  if (outcome.print) {
    context.progress(`${green("Signed in")} as ${bold(who)}. Token stored in ${outcome.path}.`);
    context.result(outcome.token);
    return;
  }
  context.result(`Signed in as ${context.colors.out.bold(who)}. Token stored in ${outcome.path}.`);
  context.progress("Use it in scripts with $(plex-auth token).");
}
