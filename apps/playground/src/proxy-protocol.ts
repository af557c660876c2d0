/**
 * How the page and the dev-server proxy talk, shared by both sides. The target travels in a header rather
 * than in the path so the proxy never has to re-parse a URL out of another URL.
 */
export const PROXY_PATH = "/__plex-proxy";
/** Where the page registers a server the user entered (POST, JSON `{ "url": "http://…" }`). */
export const PROXY_SERVERS_PATH = "/__plex-proxy/servers";
/** The absolute http(s) URL the user's request is for. */
export const PROXY_TARGET_HEADER = "x-plex-playground-target";
/**
 * The per-run secret, required on every call. The dev server writes it into the page (a `<meta>` named
 * {@link PROXY_SECRET_META}); a page on another origin cannot read the page, and could not send a custom
 * header without a preflight anyway, which the proxy never approves.
 */
export const PROXY_SECRET_HEADER = "x-plex-playground-secret";
export const PROXY_SECRET_META = "plex-playground-proxy-secret";
/**
 * The proxy answers every upstream answer as HTTP 200 with the upstream status here, and an upstream
 * `Location` under {@link PROXY_LOCATION_HEADER}: a real 3xx would make the browser follow it, carrying
 * `X-Plex-Token` to wherever it points. `proxiedFetch` turns the envelope back into the upstream answer,
 * so the SDK sees the 3xx and applies its own same-origin rule.
 */
export const PROXY_STATUS_HEADER = "x-plex-playground-status";
export const PROXY_STATUS_TEXT_HEADER = "x-plex-playground-status-text";
export const PROXY_LOCATION_HEADER = "x-plex-playground-location";
