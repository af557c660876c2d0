import { PlexAbortError, PlexUnauthorizedError, validateToken } from "@plex/auth";
import { CancelledError, CliError } from "../cli-error.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { renderError } from "../render-error.js";

export const checkCommand: Command = {
  name: "check",
  summary: "Check the token: valid (exit 0), invalid (exit 1) or unknown (exit 2, e.g. plex.tv unreachable)",
  usage: "plex-auth check [--json]",
  options: {},
  maxPositionals: 0,
  examples: ["plex-auth check && echo still signed in", "plex-auth check || plex-auth login"],
  stage: "token",
  async run(context) {
    const { green, red, yellow } = context.colors.out;
    let token: string | undefined;
    let result: Awaited<ReturnType<typeof validateToken>>;
    try {
      // Inside the try: refreshing a stored JWT talks to plex.tv too, and its failures mean the same here.
      token = await context.findToken();
      if (token === undefined)
        throw new CliError(
          "Not signed in: run `plex-auth login`, or pass --token / set PLEX_TOKEN.",
          EXIT.failure,
        );
      const api = await context.api(token);
      result = await validateToken(api.client, {}, { signal: context.io.signal });
    } catch (error) {
      if (error instanceof CliError) throw error;
      if (error instanceof PlexAbortError) throw new CancelledError();
      // A JWT refresh that plex.tv refused: the device key no longer works, so neither does the stored token.
      if (error instanceof PlexUnauthorizedError) {
        const rendered = renderError(error, "token", [token]);
        if (context.json)
          context.printJson({
            status: "invalid",
            statusCode: error.statusCode,
            code: error.code ?? null,
            message: rendered.message,
          });
        else context.result(`${red("invalid")}: ${rendered.message}`);
        return EXIT.failure;
      }
      // Nothing is known about the token (network, timeout, 5xx, 429): say so, and never call it invalid.
      const rendered = renderError(error, "token", [token]);
      if (context.json)
        context.printJson({ status: "unknown", error: { kind: rendered.kind, message: rendered.message } });
      else context.result(`${yellow("unknown")}: could not check the token. ${rendered.message}`);
      return EXIT.unknown;
    }
    if (result.valid) {
      const name = result.account.username ?? result.account.title ?? null;
      if (context.json) context.printJson({ status: "valid", username: name });
      else context.result(`${green("valid")}: the token works${name ? ` (${name})` : ""}.`);
      return EXIT.ok;
    }
    const { statusCode, code, message } = result.reason;
    if (context.json) context.printJson({ status: "invalid", statusCode, code: code ?? null, message });
    else
      context.result(
        `${red("invalid")}: plex.tv rejected the token (HTTP ${statusCode}: ${message}); run \`plex-auth login\` to get a new one.`,
      );
    return EXIT.failure;
  },
};
