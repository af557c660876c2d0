import type { Command, OptionSpec } from "./command.js";
import { EXIT } from "./exit-codes.js";
import { CLI_VERSION } from "./identity.js";

export const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  json: { type: "boolean", description: 'machine-readable output on stdout (errors too: {"error":{…}})' },
  token: {
    type: "string",
    value: "token",
    description: "use this token instead of the stored one (or PLEX_TOKEN)",
  },
  "plex-tv-url": {
    type: "string",
    value: "url",
    description: "plex.tv API base (or PLEX_TV_URL; default https://plex.tv/api/v2)",
  },
  "no-color": { type: "boolean", description: "no colours (or NO_COLOR=1)" },
  help: { type: "boolean", short: "h", description: "show help" },
  version: { type: "boolean", description: "show the version" },
};

function optionLines(options: Readonly<Record<string, OptionSpec>>): string[] {
  return Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ""}--${name}${spec.value ? ` <${spec.value}>` : ""}`;
    return `  ${flag.padEnd(26)}${spec.description}`;
  });
}

export function mainHelp(commands: readonly Command[]): string {
  return [
    `plex-auth ${CLI_VERSION}: get a Plex token, check it, and find your servers.`,
    "",
    "Usage: plex-auth <command> [options]",
    "",
    "Commands:",
    ...commands.map((command) => `  ${command.name.padEnd(10)}${command.summary}`),
    "",
    "Options for every command:",
    ...optionLines(GLOBAL_OPTIONS),
    "",
    "Examples:",
    "  plex-auth login                      sign in with a PIN (opens nothing: shows a URL, a code and a QR code)",
    "  plex-auth whoami",
    '  curl -H "X-Plex-Token: $(plex-auth token)" https://plex.tv/api/v2/user',
    "  plex-auth check || plex-auth login",
    "",
    `Exit codes: ${EXIT.ok} ok, ${EXIT.failure} failed, ${EXIT.usage} bad usage, ${EXIT.cancelled} cancelled (Ctrl-C); check: 0 valid, 1 invalid, 2 unknown.`,
    "Progress goes to stderr and results to stdout. Run `plex-auth <command> --help` for a command's options.",
    "",
  ].join("\n");
}

export function commandHelp(command: Command): string {
  const own = optionLines(command.options);
  return [
    `plex-auth ${command.name}: ${command.summary}.`,
    "",
    `Usage: ${command.usage}`,
    "",
    ...(own.length > 0 ? ["Options:", ...own, ""] : []),
    "Options for every command:",
    ...optionLines(GLOBAL_OPTIONS),
    "",
    "Examples:",
    ...command.examples.map((example) => `  ${example}`),
    "",
  ].join("\n");
}
