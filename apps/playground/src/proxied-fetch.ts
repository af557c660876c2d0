import {
  PROXY_MARKER_HEADER,
  PROXY_NETWORK_ERROR_HEADER,
  PROXY_PATH,
  PROXY_TARGET_HEADER,
} from "./proxy-protocol.js";

/** Live mode: every SDK request goes to the playground's own dev server, which forwards it (see server/). */
export function proxiedFetch(inner: typeof globalThis.fetch = globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    headers.set(PROXY_TARGET_HEADER, request.url);
    headers.set(PROXY_MARKER_HEADER, "1");
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    const response = await inner(PROXY_PATH, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      signal: request.signal,
    });
    // The proxy could not reach the target: fail as fetch itself would, with the code as the cause, so the SDK
    // reports a PlexConnectionError ("refused", "dns"…) rather than an HTTP 502 from the proxy.
    const code = response.status === 502 ? response.headers.get(PROXY_NETWORK_ERROR_HEADER) : null;
    if (code !== null) {
      const host = new URL(request.url).host;
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error(`${code} ${host} (through the playground proxy)`), { code }),
      });
    }
    return response;
  };
}
