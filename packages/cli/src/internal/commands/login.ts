import { UsageError } from "../cli-error.js";
import type { Command } from "../command.js";
import { loginWithPassword } from "./login-password.js";
import { loginWithPin } from "./login-pin.js";

export const loginCommand: Command = {
  name: "login",
  summary: "Sign in (PIN by default, or --password) and store the token in the config file",
  usage: "plex-auth login [--no-qr] [--password [--username <login>] [--code <2fa>]] [--print] [--json]",
  options: {
    password: { type: "boolean", description: "sign in with email/username and password instead of a PIN" },
    username: {
      type: "string",
      value: "login",
      description: "with --password: the email or username (or PLEX_USERNAME)",
    },
    code: {
      type: "string",
      value: "code",
      description: "with --password: the two-factor code, if the account has 2FA",
    },
    print: { type: "boolean", description: "also print the token on stdout (progress goes to stderr)" },
    "no-qr": { type: "boolean", description: "PIN login: never draw the QR code" },
    "auth-app-url": {
      type: "string",
      value: "url",
      description:
        "PIN login: the sign-in page to link to (or PLEX_AUTH_APP_URL; default https://app.plex.tv/auth)",
    },
  },
  maxPositionals: 0,
  examples: [
    "plex-auth login",
    "plex-auth login --password --username me@example.com",
    "export PLEX_TOKEN=$(plex-auth login --print)",
  ],
  stage: "sign-in",
  async run(context, values) {
    if (values.password === true) return loginWithPassword(context, values);
    if (values.username !== undefined || values.code !== undefined)
      throw new UsageError("--username and --code go with --password.");
    return loginWithPin(context, values);
  },
};
