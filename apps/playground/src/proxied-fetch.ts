import { PROXY_MARKER_HEADER, PROXY_PATH, PROXY_TARGET_HEADER } from "./proxy-protocol.js";

/** Live mode: every SDK request goes to the playground's own dev server, which forwards it (see server/). */
export function proxiedFetch(inner: typeof globalThis.fetch = globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    headers.set(PROXY_TARGET_HEADER, request.url);
    headers.set(PROXY_MARKER_HEADER, "1");
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    return inner(PROXY_PATH, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      signal: request.signal,
    });
  };
}
