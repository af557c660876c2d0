import type { IncomingMessage, ServerResponse } from "node:http";
import type { Plugin } from "vite";
import { PROXY_MARKER_HEADER, PROXY_PATH, PROXY_TARGET_HEADER } from "../src/proxy-protocol.js";

/**
 * Live mode's way past CORS: Plex servers only allow the app.plex.tv origin, so the page sends live requests
 * to its own dev server, which forwards them. It listens on 127.0.0.1 only and forwards only for the
 * playground's own page, only to http(s).
 */

const LOOPBACK_HOSTNAMES = new Set(["127.0.0.1", "localhost", "[::1]"]);
const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;

// Hop-by-hop headers, the browser's own context (cookies, origin) and our protocol headers stay here.
const DROPPED_REQUEST_HEADERS = new Set([
  "host",
  "origin",
  "referer",
  "cookie",
  "connection",
  "keep-alive",
  "content-length",
  "transfer-encoding",
  "accept-encoding",
  "upgrade",
  PROXY_TARGET_HEADER,
  PROXY_MARKER_HEADER,
]);
// fetch already decoded the body, so its encoding and length no longer describe what we send on.
const DROPPED_RESPONSE_HEADERS = new Set([
  "content-encoding",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "set-cookie",
]);

export interface ProxyCheckInput {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  marker: string | undefined;
  target: string | undefined;
}

export type ProxyDecision = { ok: true; target: URL } | { ok: false; status: number; reason: string };

/** The whole policy, as a pure function so each rule is tested on its own. */
export function checkProxyRequest(input: ProxyCheckInput): ProxyDecision {
  if (input.method === "OPTIONS") {
    return { ok: false, status: 403, reason: "preflight requests are not approved" };
  }
  const hostname = input.host?.replace(/:\d+$/, "");
  if (hostname === undefined || !LOOPBACK_HOSTNAMES.has(hostname)) {
    return { ok: false, status: 403, reason: "the proxy only answers on a loopback host name" };
  }
  if (input.origin !== undefined && input.origin !== `http://${input.host}`) {
    return { ok: false, status: 403, reason: "requests from other origins are refused" };
  }
  if (input.marker !== "1") {
    return { ok: false, status: 403, reason: `missing ${PROXY_MARKER_HEADER} header` };
  }
  if (input.target === undefined || input.target === "") {
    return { ok: false, status: 400, reason: `missing ${PROXY_TARGET_HEADER} header` };
  }
  let target: URL;
  try {
    target = new URL(input.target);
  } catch {
    return { ok: false, status: 400, reason: "the target is not an absolute URL" };
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    return { ok: false, status: 400, reason: "only http and https targets are forwarded" };
  }
  if (target.username !== "" || target.password !== "") {
    return { ok: false, status: 400, reason: "targets with credentials in the URL are refused" };
  }
  return { ok: true, target };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: IncomingMessage): Promise<Buffer | "too-large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return "too-large";
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function refuse(response: ServerResponse, status: number, message: string): void {
  // Plex's own error shape, so the SDK turns it into a readable PlexAPIError in the page.
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify({ errors: [{ message: `Playground proxy: ${message}`, status }] }));
}

function forwardedHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || DROPPED_REQUEST_HEADERS.has(name) || name.startsWith("sec-")) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

export interface PlexProxyOptions {
  /** Injected in tests. Default the global fetch. */
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

export type ConnectMiddleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
) => void;

async function proxy(
  request: IncomingMessage,
  response: ServerResponse,
  options: Required<PlexProxyOptions>,
): Promise<void> {
  const decision = checkProxyRequest({
    method: request.method ?? "GET",
    host: header(request, "host"),
    origin: header(request, "origin"),
    marker: header(request, PROXY_MARKER_HEADER),
    target: header(request, PROXY_TARGET_HEADER),
  });
  if (!decision.ok) return refuse(response, decision.status, decision.reason);

  const method = request.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : await readBody(request);
  if (body === "too-large") return refuse(response, 413, "request body too large");

  let upstream: Response;
  try {
    upstream = await options.fetch(decision.target, {
      method,
      headers: forwardedHeaders(request),
      body: body === undefined ? undefined : new Uint8Array(body),
      // A redirect could lead anywhere (another scheme, another host): hand it back instead of following it.
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const why = error instanceof Error && error.name === "TimeoutError" ? "timed out" : "could not connect";
    // Only the host: the full URL could carry a token in its query string.
    return refuse(response, 502, `${why} to ${decision.target.host}`);
  }
  const headers: Record<string, string> = {};
  upstream.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name)) headers[name] = value;
  });
  const payload = Buffer.from(await upstream.arrayBuffer());
  response.writeHead(upstream.status, headers);
  response.end(payload);
}

/** Connect-style middleware answering on {@link PROXY_PATH}; any other path goes to `next()`. */
export function createPlexProxy(options: PlexProxyOptions = {}): ConnectMiddleware {
  const resolved = {
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  return (request, response, next) => {
    const path = (request.url ?? "").split("?")[0];
    if (path !== PROXY_PATH) return next();
    proxy(request, response, resolved).catch(() => {
      if (!response.headersSent) refuse(response, 500, "internal error");
      else response.destroy();
    });
  };
}

/** Mounts the proxy in `vite` (dev) and `vite preview`. */
export function plexProxyPlugin(options: PlexProxyOptions = {}): Plugin {
  return {
    name: "plex-playground-proxy",
    configureServer(server) {
      server.middlewares.use(createPlexProxy(options));
    },
    configurePreviewServer(server) {
      server.middlewares.use(createPlexProxy(options));
    },
  };
}
