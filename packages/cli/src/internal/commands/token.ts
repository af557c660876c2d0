import { getTransientToken } from "@plex/auth";
import { chooseServer } from "../choose-server.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";

export const tokenCommand: Command = {
  name: "token",
  summary: "Print the token and nothing else, for $(plex-auth token) in scripts",
  usage: "plex-auth token [--transient [--server <name> | --server-url <url>]] [--json]",
  options: {
    transient: {
      type: "boolean",
      description:
        "ask a server for a transient token instead (valid up to 48 h, gone when the server restarts)",
    },
    server: {
      type: "string",
      value: "name",
      description: "with --transient: the server to ask, by name (default: the first owned one)",
    },
    "server-url": {
      type: "string",
      value: "url",
      description:
        "with --transient: ask this server URL directly with the account token (or PLEX_SERVER_URL)",
    },
  },
  maxPositionals: 0,
  examples: [
    'curl -H "X-Plex-Token: $(plex-auth token)" https://plex.tv/api/v2/user',
    "plex-auth token --transient --server 'Living Room'",
  ],
  stage: "token",
  async run(context, values) {
    const token = await context.requireToken();
    if (values.transient !== true) {
      if (values.server !== undefined || values["server-url"] !== undefined)
        context.progress(
          "--server and --server-url only matter with --transient: printing the account token.",
        );
      if (context.json) context.printJson({ token });
      else context.result(token);
      return EXIT.ok;
    }
    const server = await chooseServer(context, token, {
      name: values.server as string | undefined,
      url: values["server-url"] as string | undefined,
    });
    context.progress(`Asking ${server.label} for a transient token…`);
    const { data } = await getTransientToken(
      server.api.client,
      { type: "delegation", scope: "all" },
      { signal: context.io.signal },
    );
    const transient = data.MediaContainer.token;
    if (context.json) context.printJson({ token: transient, transient: true, server: server.label });
    else context.result(transient);
    return EXIT.ok;
  },
};
