/**
 * Where the proxy may forward: plex.tv (the hosts the SDK calls) and the Plex servers the page registered
 * in this run (the server URL the user entered). Anything else is refused, so the proxy is no open relay.
 */
export const PLEX_TV_ORIGINS: readonly string[] = ["https://plex.tv", "https://clients.plex.tv"];
/** A page registers one origin per server URL typed; the cap only bounds memory. */
export const MAX_REGISTERED_SERVERS = 64;

export type ParsedTarget = { ok: true; url: URL } | { ok: false; reason: string };

/** The rules every target and every registered server follow: an absolute http(s) URL, no credentials. */
export function parseTarget(value: string | undefined): ParsedTarget {
  if (value === undefined || value === "") return { ok: false, reason: "no target URL" };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: "the target is not an absolute URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, reason: "only http and https targets are forwarded" };
  }
  if (url.username !== "" || url.password !== "") {
    return { ok: false, reason: "targets with credentials in the URL are refused" };
  }
  return { ok: true, url };
}

export interface ProxyTargets {
  allows(url: URL): boolean;
  /** Adds the origin of `url`; returns why not when it cannot be a target. */
  register(value: string | undefined): { ok: true; origin: string } | { ok: false; reason: string };
}

export function createProxyTargets(fixed: readonly string[] = PLEX_TV_ORIGINS): ProxyTargets {
  const registered = new Set<string>();
  return {
    allows: (url) => fixed.includes(url.origin) || registered.has(url.origin),
    register(value) {
      const parsed = parseTarget(value);
      if (!parsed.ok) return parsed;
      const { origin } = parsed.url;
      if (!registered.has(origin) && registered.size >= MAX_REGISTERED_SERVERS) {
        return { ok: false, reason: `at most ${MAX_REGISTERED_SERVERS} servers per run` };
      }
      registered.add(origin);
      return { ok: true, origin };
    },
  };
}
