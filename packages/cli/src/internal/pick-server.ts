import { getServers, type PlexDevice } from "@plex/auth";
import { CliError } from "./cli-error.js";
import type { CommandContext } from "./context.js";

/**
 * The account's server called `name` (exact, case-insensitive), or the first owned one (then the first one) when no
 * name is given. An unknown name lists the names there are.
 */
export async function pickServer(
  context: CommandContext,
  token: string,
  name: string | undefined,
): Promise<PlexDevice> {
  const api = await context.api(token);
  const { data: servers } = await getServers(api.client, {}, { signal: context.io.signal });
  if (servers.length === 0) throw new CliError("This account has no servers: nothing to connect to.");
  if (name === undefined)
    return servers.find((server) => server.owned === true) ?? (servers[0] as PlexDevice);
  const wanted = name.toLowerCase();
  const found = servers.find((server) => server.name.toLowerCase() === wanted);
  if (found) return found;
  const names = servers.map((server) => `"${server.name}"`).join(", ");
  throw new CliError(`No server named "${name}" on this account: the servers are ${names}.`);
}
