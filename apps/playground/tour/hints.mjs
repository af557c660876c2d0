// @ts-check
import { PlexConnectionError, PlexError } from "@plex/auth";

/**
 * The error `<server>/identity` gives when the tour cannot read the server's machine identifier: a typed
 * `PlexConnectionError` naming the host, and what to pass instead.
 * @param {string} serverURL
 * @param {unknown} cause
 */
export function identityUnreachable(serverURL, cause) {
  const host = new URL(serverURL).host;
  const code = networkCode(cause);
  return new PlexConnectionError(
    `Could not reach ${host} for /identity${code === undefined ? "" : ` (${code})`}: check --server, ` +
      "or pass --source server://<machineIdentifier> to skip this step.",
    { host, cause },
  );
}

/**
 * A refused or unreadable `/identity` answer: typed as a `PlexError`, with the same way out.
 * @param {string} message
 */
export function identityUnusable(message) {
  return new PlexError(`${message}: pass --source server://<machineIdentifier>.`);
}

/**
 * The network code behind a fetch failure (`ECONNREFUSED`, `ENOTFOUND`…), wherever undici put it.
 * @param {unknown} error
 * @returns {string | undefined}
 */
function networkCode(error) {
  /** @type {unknown} */
  let current = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = /** @type {{ code?: unknown }} */ (current).code;
    if (typeof code === "string") return code;
    current = current.cause;
  }
  return undefined;
}

/**
 * One line on what to do about a failed step, or undefined when the message already says it.
 * @param {unknown} error
 * @param {{ serverURL?: string | undefined; plexTvURL?: string | undefined }} targets
 * @returns {string | undefined}
 */
export function hintFor(error, targets) {
  if (!PlexConnectionError.isInstance(error)) return undefined;
  if (/--source/.test(error.message)) return undefined;
  const plexTvHost = new URL(targets.plexTvURL ?? "https://plex.tv/api/v2").host;
  const serverHost = targets.serverURL === undefined ? undefined : new URL(targets.serverURL).host;
  if (error.host === plexTvHost || error.host === "plex.tv") {
    return `plex.tv (${plexTvHost}) was unreachable: check this machine's network${targets.plexTvURL === undefined ? "" : " and --plex-tv"}.`;
  }
  if (serverHost !== undefined && error.host === serverHost) {
    return `the server ${serverHost} was unreachable: check --server (is Plex running there, reachable from here?).`;
  }
  return `${error.host} was unreachable.`;
}
