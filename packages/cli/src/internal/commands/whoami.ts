import { getTokenDetails, type UserPlexAccount } from "@plex/auth";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";

/** The non-secret facts about an account (never `authToken` or service tokens). */
export function accountSummary(account: UserPlexAccount) {
  return {
    username: account.username ?? null,
    title: account.title ?? null,
    email: account.email ?? null,
    id: account.id ?? null,
    uuid: account.uuid ?? null,
    plexPass: account.subscription?.active === true,
    plexPassPlan: account.subscription?.plan ?? null,
    home: account.home === true,
    homeAdmin: account.homeAdmin === true,
    homeSize: account.homeSize ?? null,
    twoFactorEnabled: account.twoFactorEnabled ?? null,
  };
}

export const whoamiCommand: Command = {
  name: "whoami",
  summary: "Show the account behind the token (username, email, Plex Pass, home)",
  usage: "plex-auth whoami [--json]",
  options: {},
  maxPositionals: 0,
  examples: ["plex-auth whoami", "PLEX_TOKEN=… plex-auth whoami --json | jq -r .email"],
  stage: "token",
  async run(context) {
    const token = await context.requireToken();
    const api = await context.api(token);
    const { data } = await getTokenDetails(api.client, {}, { signal: context.io.signal });
    const summary = accountSummary(data);
    if (context.json) {
      context.printJson(summary);
      return EXIT.ok;
    }
    const { bold } = context.colors.out;
    const name = summary.username ?? summary.title ?? "(no username)";
    const rows: [string, string][] = [
      ["Account", `${bold(name)}${summary.email ? ` <${summary.email}>` : ""}`],
      [
        "Plex Pass",
        summary.plexPass
          ? `yes${data.subscriptionDescription ? ` (${data.subscriptionDescription})` : ""}`
          : "no",
      ],
      [
        "Home",
        summary.home
          ? `${summary.homeAdmin ? "admin" : "member"}${summary.homeSize === null ? "" : `, ${summary.homeSize} users`}`
          : "no",
      ],
      ["Two-factor", summary.twoFactorEnabled === null ? "unknown" : summary.twoFactorEnabled ? "on" : "off"],
    ];
    for (const [label, value] of rows) context.result(`${label.padEnd(11)}${value}`);
    return EXIT.ok;
  },
};
