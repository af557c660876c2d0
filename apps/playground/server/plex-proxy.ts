import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolve } from "node:path";
import type { Plugin } from "vite";
import {
  PROXY_LOCATION_HEADER,
  PROXY_PATH,
  PROXY_SECRET_HEADER,
  PROXY_SERVERS_PATH,
  PROXY_STATUS_HEADER,
  PROXY_STATUS_TEXT_HEADER,
  PROXY_TARGET_HEADER,
} from "../src/proxy-protocol.js";
import { createProxySecret, injectProxySecret, secretMatches } from "./proxy-secret.js";
import { createProxyTargets, type ProxyTargets, parseTarget } from "./proxy-targets.js";

/**
 * Live mode's way past CORS: Plex servers only allow the app.plex.tv origin, so the page sends live requests
 * to its own dev server, which forwards them. It listens on 127.0.0.1 only, answers only the page that
 * holds this run's secret, forwards only to plex.tv and the servers that page registered, and never
 * follows a redirect nor lets the browser follow one.
 */

const LOOPBACK_HOSTNAMES = new Set(["127.0.0.1", "localhost", "[::1]"]);
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_REGISTER_BYTES = 4 * 1024;
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
  PROXY_SECRET_HEADER,
]);
// fetch already decoded the body, so its encoding and length no longer describe what we send on. Upstream
// CORS headers would let other origins read our answers; a Location would be followed by the browser.
const DROPPED_RESPONSE_HEADERS = new Set([
  "content-encoding",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "set-cookie",
  "location",
]);

export interface CallerCheckInput {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  /** The secret the caller presented. */
  secret: string | undefined;
}

export interface ProxyCheckInput extends CallerCheckInput {
  target: string | undefined;
}

export interface ProxyPolicy {
  /** This run's secret. */
  secret: string;
  targets: Pick<ProxyTargets, "allows">;
}

export type CallerDecision = { ok: true } | { ok: false; status: number; reason: string };
export type ProxyDecision = { ok: true; target: URL } | { ok: false; status: number; reason: string };

/** Who may talk to the proxy at all: this page, on a loopback host, with this run's secret. */
export function checkCaller(input: CallerCheckInput, secret: string): CallerDecision {
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
  if (!secretMatches(secret, input.secret)) {
    return {
      ok: false,
      status: 403,
      reason: `missing or wrong ${PROXY_SECRET_HEADER}: only the playground page this server started may use the proxy (reload the page)`,
    };
  }
  return { ok: true };
}

/** The whole forwarding policy, as a pure function so each rule is tested on its own. */
export function checkProxyRequest(input: ProxyCheckInput, policy: ProxyPolicy): ProxyDecision {
  const caller = checkCaller(input, policy.secret);
  if (!caller.ok) return caller;
  const parsed = parseTarget(input.target);
  if (!parsed.ok) return { ok: false, status: 400, reason: parsed.reason };
  if (!policy.targets.allows(parsed.url)) {
    return {
      ok: false,
      status: 403,
      reason: `${parsed.url.origin} is neither plex.tv nor a server entered in this session: enter it as the server URL in Settings`,
    };
  }
  return { ok: true, target: parsed.url };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function callerOf(request: IncomingMessage): CallerCheckInput {
  return {
    method: request.method ?? "GET",
    host: header(request, "host"),
    origin: header(request, "origin"),
    secret: header(request, PROXY_SECRET_HEADER),
  };
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | "too-large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return "too-large";
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function refuse(response: ServerResponse, status: number, message: string): void {
  // Plex's own error shape, so the SDK turns it into a readable PlexAPIError in the page.
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
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

/** The upstream answer as a 200 envelope (see PROXY_STATUS_HEADER): the browser must not see a 3xx. */
function envelopeHeaders(upstream: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  upstream.headers.forEach((value, name) => {
    // Upstream may not forge our envelope: nothing in the protocol's namespace passes.
    if (DROPPED_RESPONSE_HEADERS.has(name) || name.startsWith("access-control-")) return;
    if (!name.startsWith("x-plex-playground-")) headers[name] = value;
  });
  headers[PROXY_STATUS_HEADER] = String(upstream.status);
  if (upstream.statusText !== "") headers[PROXY_STATUS_TEXT_HEADER] = upstream.statusText;
  const location = upstream.headers.get("location");
  if (location !== null) headers[PROXY_LOCATION_HEADER] = location;
  headers["cache-control"] = "no-store";
  return headers;
}

export interface PlexProxyOptions {
  /** This run's secret; the page must present it on every call. */
  secret: string;
  /** Where calls may go. Default: plex.tv plus the servers registered through {@link PROXY_SERVERS_PATH}. */
  targets?: ProxyTargets;
  /** Injected in tests. Default the global fetch. */
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

type ResolvedOptions = Required<PlexProxyOptions>;

export type ConnectMiddleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
) => void;

async function proxy(
  request: IncomingMessage,
  response: ServerResponse,
  options: ResolvedOptions,
): Promise<void> {
  const decision = checkProxyRequest(
    { ...callerOf(request), target: header(request, PROXY_TARGET_HEADER) },
    options,
  );
  if (!decision.ok) return refuse(response, decision.status, decision.reason);

  const method = request.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : await readBody(request, MAX_BODY_BYTES);
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
  const payload = Buffer.from(await upstream.arrayBuffer());
  response.writeHead(200, envelopeHeaders(upstream));
  response.end(payload);
}

/** `POST /__plex-proxy/servers {"url": …}`: the page adds a server the user entered to the targets. */
async function register(
  request: IncomingMessage,
  response: ServerResponse,
  options: ResolvedOptions,
): Promise<void> {
  const caller = checkCaller(callerOf(request), options.secret);
  if (!caller.ok) return refuse(response, caller.status, caller.reason);
  if (request.method !== "POST") return refuse(response, 405, "register a server with POST");
  if (!(header(request, "content-type") ?? "").startsWith("application/json")) {
    return refuse(response, 415, "register a server with a JSON body");
  }
  const body = await readBody(request, MAX_REGISTER_BYTES);
  if (body === "too-large") return refuse(response, 413, "request body too large");
  let url: unknown;
  try {
    url = (JSON.parse(body.toString("utf8")) as { url?: unknown } | null)?.url;
  } catch {
    return refuse(response, 400, "the body is not JSON");
  }
  const added = options.targets.register(typeof url === "string" ? url : undefined);
  if (!added.ok) return refuse(response, 400, added.reason);
  response.writeHead(204, { "cache-control": "no-store" });
  response.end();
}

/** Connect-style middleware answering on {@link PROXY_PATH}; any other path goes to `next()`. */
export function createPlexProxy(options: PlexProxyOptions): ConnectMiddleware {
  const resolved: ResolvedOptions = {
    secret: options.secret,
    targets: options.targets ?? createProxyTargets(),
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  return (request, response, next) => {
    const path = (request.url ?? "").split("?")[0];
    const handler = path === PROXY_PATH ? proxy : path === PROXY_SERVERS_PATH ? register : undefined;
    if (handler === undefined) return next();
    handler(request, response, resolved).catch(() => {
      if (!response.headersSent) refuse(response, 500, "internal error");
      else response.destroy();
    });
  };
}

/** `vite preview` serves the built index.html as a file: this puts the run's secret in it on the way. */
function previewIndexHtml(distDir: string, secret: string): ConnectMiddleware {
  return (request, response, next) => {
    const path = (request.url ?? "").split("?")[0];
    if ((request.method !== "GET" && request.method !== "HEAD") || (path !== "/" && path !== "/index.html")) {
      return next();
    }
    readFile(resolve(distDir, "index.html"), "utf8").then(
      (html) => {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        response.end(request.method === "HEAD" ? undefined : injectProxySecret(html, secret));
      },
      () => next(),
    );
  };
}

/**
 * Mounts the proxy in `vite` (dev) and `vite preview`, with a secret and a target list of their own for
 * this run, and writes the secret into the page both serve. A build gets no secret: it is per run.
 */
export function plexProxyPlugin(options: Omit<PlexProxyOptions, "secret" | "targets"> = {}): Plugin {
  const secret = createProxySecret();
  return {
    name: "plex-playground-proxy",
    configureServer(server) {
      server.middlewares.use(createPlexProxy({ ...options, secret }));
    },
    configurePreviewServer(server) {
      const distDir = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use(createPlexProxy({ ...options, secret }));
      server.middlewares.use(previewIndexHtml(distDir, secret));
    },
    transformIndexHtml: {
      order: "post",
      handler: (html, context) => (context.server === undefined ? html : injectProxySecret(html, secret)),
    },
  };
}
