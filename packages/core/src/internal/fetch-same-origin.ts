import { PlexAPIError } from "../errors";
import type { SendInit } from "./call";

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
export const MAX_REDIRECTS = 5;

type Send = (url: string, init: SendInit) => Promise<Response>;

const refuse = (response: Response, message: string, keep = true) =>
  new PlexAPIError({
    message,
    statusCode: response.status,
    headers: response.headers,
    rawResponse: keep ? response : undefined,
  });

const within = (url: string, origin: string) => url === origin || url.startsWith(`${origin}/`);

/**
 * fetch would follow redirects itself and carry `X-Plex-Token` along, to any host. Every request
 * goes out with `redirect: "manual"`; same-origin redirects are followed here (at most 5; 303, and
 * 301/302 after a POST, become a GET without body; 307/308 resend method and body), anything else
 * is refused with a `PlexAPIError`: another origin, a Location with user:password@, a browser's
 * opaque redirect (its target is hidden), and an answer a fetch wrapper fetched from another
 * origin despite `redirect: "manual"` (its data is dropped, never returned).
 */
export async function fetchSameOrigin(url: string, init: SendInit, send: Send): Promise<Response> {
  const origin = new URL(url).origin;
  let current = { url, init };
  for (let hop = 0; ; hop++) {
    const response = await send(current.url, current.init);
    // Only an answer fetch reached by following a redirect: a fetch that proxies (the playground's
    // live mode) answers from its own URL without redirecting, and that is the caller's choice.
    if (response.redirected && !within(response.url, origin)) {
      await response.body?.cancel().catch(() => {});
      throw refuse(
        response,
        `Refused an answer from another origin (${new URL(response.url).origin}): your fetch followed a redirect despite redirect: "manual"`,
        false,
      );
    }
    if (response.type === "opaqueredirect") {
      throw refuse(response, "Plex answered with a redirect this runtime hides; not followed");
    }
    const location = REDIRECTS.has(response.status) ? response.headers.get("location") : null;
    if (!location) return response;
    await response.body?.cancel().catch(() => {});
    let target: URL;
    try {
      target = new URL(location, current.url);
    } catch {
      throw refuse(response, `Plex answered ${response.status} with an invalid Location header`);
    }
    if (target.username || target.password) {
      throw refuse(response, "Refused a redirect to a URL with credentials");
    }
    if (target.origin !== origin) {
      throw refuse(
        response,
        `Refused a redirect from ${origin} to another origin (${target.origin}), which would see the token: use it as the base URL if you trust it`,
      );
    }
    if (hop >= MAX_REDIRECTS) throw refuse(response, `Stopped after ${MAX_REDIRECTS} redirects`);
    const toGet = response.status === 303 || (response.status < 303 && current.init.method === "POST");
    const headers = { ...current.init.headers };
    const init: SendInit = { ...current.init, headers };
    if (toGet) {
      init.method = "GET";
      delete init.body;
      for (const name of Object.keys(headers)) {
        if (/^content-(type|length)$/i.test(name)) delete headers[name];
      }
    }
    current = { url: target.href, init };
  }
}
