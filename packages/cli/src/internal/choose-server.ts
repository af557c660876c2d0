import { connectToServer, PlexAPI } from "@plex/auth";
import { UsageError } from "./cli-error.js";
import type { CommandContext } from "./context.js";
import { pickServer } from "./pick-server.js";

export interface ChosenServer {
  /** For messages: the server's name or URL (no token). */
  readonly label: string;
  /** Bound to the server's URL and the token it accepts. */
  readonly api: PlexAPI;
}

/**
 * The server a server command talks to. `--server-url` / PLEX_SERVER_URL: that URL with the account token.
 * Otherwise the account's servers are listed on plex.tv and the named (or first owned) one is reached through its
 * best connection, with the server's own access token (never the account token).
 */
export async function chooseServer(
  context: CommandContext,
  token: string,
  choice: { name?: string; url?: string; timeoutMs?: number },
): Promise<ChosenServer> {
  const url = choice.url ?? nonEmpty(context.io.env.PLEX_SERVER_URL);
  if (url !== undefined) {
    if (!/^https?:\/\//i.test(url))
      throw new UsageError(`--server-url must start with http:// or https:// (got "${url}").`);
    const api = await context.api(token);
    return { label: url, api: new PlexAPI(api.client.withOptions({ serverURL: url })) };
  }
  const device = await pickServer(context, token, choice.name);
  context.progress(`Finding the best connection to ${device.name}…`);
  const api = await connectToServer(await context.api(token), device, {
    signal: context.io.signal,
    ...(choice.timeoutMs === undefined ? {} : { timeoutMs: choice.timeoutMs }),
  });
  return { label: device.name, api };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
