import { UsageError } from "../cli-error.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { jwtFields, registerJwt } from "../jwt-session.js";
import { reportLogin, storeToken } from "../store-token.js";
import { loginWithPassword } from "./login-password.js";
import { loginWithPin } from "./login-pin.js";

export const loginCommand: Command = {
  name: "login",
  summary: "Sign in (PIN by default, or --password) and store the token in the config file",
  usage:
    "plex-auth login [--no-qr] [--password [--username <login>] [--code <2fa>]] [--jwt] [--print] [--json]",
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
    jwt: {
      type: "boolean",
      description: "register a device key and keep a Plex JWT (refreshed with the key) instead of the token",
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
    "plex-auth login --jwt",
    "export PLEX_TOKEN=$(plex-auth login --print)",
  ],
  stage: "sign-in",
  async run(context, values) {
    if (values.password !== true && (values.username !== undefined || values.code !== undefined))
      throw new UsageError("--username and --code go with --password.");
    const signedIn =
      values.password === true
        ? await loginWithPassword(context, values)
        : await loginWithPin(context, values);
    const method = values.password === true ? "password" : "pin";
    if (values.jwt === true) {
      const jwt = await registerJwt(context, signedIn.token);
      const path = await storeToken(context, jwt.token, signedIn.username, jwtFields(jwt));
      reportLogin(context, {
        ...signedIn,
        token: jwt.token,
        path,
        print: values.print === true,
        method: `${method}+jwt`,
      });
      return EXIT.ok;
    }
    const path = await storeToken(context, signedIn.token, signedIn.username);
    reportLogin(context, { ...signedIn, path, print: values.print === true, method });
    return EXIT.ok;
  },
};
