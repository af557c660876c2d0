import { PlexAPI } from "@plex/auth";
import { UsageError } from "./cli-error.js";
import type { CommandContext } from "./context.js";

export interface ChosenServer {
  /** For messages: the server's name or URL (no token). */
  readonly label: string;
  /** Bound to the server's URL and the token it accepts. */
  readonly api: PlexAPI;
}

/**
 * The server a server command talks to. `--server-url` / PLEX_SERVER_URL: that URL with the account token.
 * Otherwise the account's servers are discovered on plex.tv and the best connection of the named (or first owned)
 * one is used, with the server's own token.
 */
export async function chooseServer(
  context: CommandContext,
  token: string,
  choice: { name?: string; url?: string },
): Promise<ChosenServer> {
  const url = choice.url ?? nonEmpty(context.io.env.PLEX_SERVER_URL);
  if (url !== undefined) {
    if (!/^https?:\/\//i.test(url))
      throw new UsageError(`--server-url must start with http:// or https:// (got "${url}").`);
    const api = await context.api(token);
    return { label: url, api: new PlexAPI(api.client.withOptions({ serverURL: url })) };
  }
  throw new UsageError("Name the server with --server-url <url> (or PLEX_SERVER_URL).");
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
