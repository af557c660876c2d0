import { CliError } from "../cli-error.js";
import type { OptionValues } from "../command.js";
import type { CommandContext } from "../context.js";

export async function loginWithPin(_context: CommandContext, _values: OptionValues): Promise<number> {
  throw new CliError("PIN login is not available yet: use `plex-auth login --password`.");
}
