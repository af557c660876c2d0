/**
 * How the page and the dev-server proxy talk, shared by both sides. The target travels in a header rather
 * than in the path so the proxy never has to re-parse a URL out of another URL.
 */
export const PROXY_PATH = "/__plex-proxy";
/** The absolute http(s) URL the user's request is for. */
export const PROXY_TARGET_HEADER = "x-plex-playground-target";
/**
 * Must be present. A cross-site page can only set custom headers through a CORS preflight, which the proxy
 * never approves, so this header proves the request came from the playground's own script.
 */
export const PROXY_MARKER_HEADER = "x-plex-playground";
