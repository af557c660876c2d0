import {
  PROXY_LOCATION_HEADER,
  PROXY_NETWORK_ERROR_HEADER,
  PROXY_PATH,
  PROXY_SECRET_HEADER,
  PROXY_STATUS_HEADER,
  PROXY_STATUS_TEXT_HEADER,
  PROXY_TARGET_HEADER,
} from "./proxy-protocol.js";
import { readProxySecret } from "./proxy-secret.js";
import { registerProxyTarget } from "./register-proxy-target.js";

// Statuses whose Response must have no body (the constructor throws otherwise).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const ENVELOPE_HEADERS = [PROXY_STATUS_HEADER, PROXY_STATUS_TEXT_HEADER, PROXY_LOCATION_HEADER];

/**
 * The proxy's 200 envelope turned back into the upstream answer, 3xx and `Location` included, so the
 * SDK's redirect rule judges it (same origin: followed, through this proxy again; other origin: refused).
 * An answer without the envelope is the proxy's own (a refusal), passed on as is.
 */
export function unwrapProxyResponse(response: Response): Response {
  const status = Number(response.headers.get(PROXY_STATUS_HEADER));
  if (!Number.isInteger(status) || status < 200 || status > 599) return response;
  const headers = new Headers(response.headers);
  const location = headers.get(PROXY_LOCATION_HEADER);
  for (const name of ENVELOPE_HEADERS) headers.delete(name);
  if (location !== null) headers.set("location", location);
  return new Response(NULL_BODY_STATUSES.has(status) ? null : response.body, {
    status,
    statusText: response.headers.get(PROXY_STATUS_TEXT_HEADER) ?? "",
    headers,
  });
}

/** The proxy's own refusal text ("Playground proxy: could not connect (ECONNREFUSED) to host"). */
async function proxyMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { errors?: { message?: unknown }[] };
    const message = body.errors?.[0]?.message;
    if (typeof message === "string") return message;
  } catch {
    // not the proxy's JSON: fall back to the status
  }
  return `Playground proxy: HTTP ${response.status}`;
}

export interface ProxiedFetchOptions {
  /** This run's proxy secret. Default: read from the page (see {@link readProxySecret}). */
  secret?: string;
  fetch?: typeof globalThis.fetch;
  /**
   * The server URL the user entered: registered with the proxy before the first request, since the proxy
   * forwards only to plex.tv and to servers the page registered.
   */
  server?: string;
}

/**
 * Live mode: every SDK request goes to the playground's own dev server, which forwards it (see server/).
 * Neither the browser nor the proxy follows a redirect: the SDK gets the 3xx and decides.
 */
export function proxiedFetch(options: ProxiedFetchOptions = {}): typeof globalThis.fetch {
  const inner = options.fetch ?? globalThis.fetch.bind(globalThis);
  const secret = options.secret ?? readProxySecret();
  let registered: Promise<boolean> | undefined;
  return async (input, init) => {
    const request = new Request(input, init);
    if (options.server !== undefined) {
      registered ??= registerProxyTarget(options.server, { secret, fetch: inner });
      await registered;
    }
    const headers = new Headers(request.headers);
    headers.set(PROXY_TARGET_HEADER, request.url);
    headers.set(PROXY_SECRET_HEADER, secret);
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    const response = await inner(PROXY_PATH, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      signal: request.signal,
      // The proxy never answers 3xx; if anything on the way did, the SDK gets an opaque redirect and
      // refuses it, instead of the browser following it with X-Plex-Token.
      redirect: "manual",
      credentials: "same-origin",
      cache: "no-store",
    });
    // The proxy could not reach the target: its own 502 (no envelope status: an upstream answer, even a 502,
    // always comes enveloped as 200). Fail as fetch itself would, with the code (when the proxy names one) as
    // the cause, so the SDK reports a PlexConnectionError for that host ("refused", "dns"…), as in Node,
    // instead of an HTTP 502 from the proxy.
    if (response.status === 502 && !response.headers.has(PROXY_STATUS_HEADER)) {
      const code = response.headers.get(PROXY_NETWORK_ERROR_HEADER);
      const why = await proxyMessage(response);
      throw new TypeError("fetch failed", {
        cause: Object.assign(
          new Error(`${why} (through the playground proxy)`),
          code === null ? {} : { code },
        ),
      });
    }
    return unwrapProxyResponse(response);
  };
}
