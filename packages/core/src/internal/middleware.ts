import { PlexAPIError, PlexInvalidRequestError } from "../errors";
import { redactHeaders, redactUrl } from "../redact";
import type { AccessToken, AccessTokenContext, Logger, Middleware } from "../types";
import { checkHeaderValue } from "./validate-options";

type Next = (request: Request) => Promise<Response>;

/** Runs `list` outermost-first around `terminal`. */
export function compose(list: readonly Middleware[], terminal: Next): Next {
  return list.reduceRight<Next>((next, middleware) => (request) => middleware(request, next), terminal);
}

/**
 * The token for one attempt. A function runs on every attempt so a refreshed token is used; what it
 * returns is checked like the option itself.
 */
export async function resolveToken(token: AccessToken, context: AccessTokenContext = {}): Promise<string> {
  let value: unknown;
  try {
    value = typeof token === "function" ? await token(context) : token;
  } catch {
    // Its message could hold anything (even the old token), so only say that it failed.
    throw new PlexInvalidRequestError("The accessToken function threw instead of returning a token");
  }
  if (typeof value !== "string" || value === "") {
    throw new PlexInvalidRequestError("accessToken function must return a non-empty string");
  }
  return value;
}

/** Adds `X-Plex-Token`; `onToken` lets the caller scrub the resolved value from any error text. */
export function authMiddleware(
  token: AccessToken,
  onToken: (value: string) => void,
  context: () => AccessTokenContext,
): Middleware {
  return async (request, next) => {
    const value = await resolveToken(token, context());
    onToken(value);
    checkHeaderValue("accessToken", value);
    const headers = new Headers(request.headers);
    headers.set("X-Plex-Token", value);
    return next(new Request(request, { headers }));
  };
}

/** Debug lines for each attempt; URLs and headers pass through redaction first. */
export function loggingMiddleware(target: Logger, operation: string | undefined): Middleware {
  return async (request, next) => {
    const started = Date.now();
    // A throwing logger must not turn a good answer into an error (safeDebug swallows it).
    const log = (message: string, details: Record<string, unknown>, timed = true) =>
      safeDebug(target, message, {
        operation,
        ...details,
        ...(timed && { durationMs: Date.now() - started }),
      });
    log(
      "plex request",
      { method: request.method, url: redactUrl(request.url), headers: redactHeaders(request.headers) },
      false,
    );
    try {
      const response = await next(request);
      log("plex response", {
        status: response.status,
        contentType: response.headers.get("content-type") ?? "",
      });
      return response;
    } catch (error) {
      log("plex request failed", { error: (error as Error)?.name ?? "Error" });
      throw error;
    }
  };
}

export function safeDebug(
  logger: Logger | undefined,
  message: string,
  details: Record<string, unknown>,
): void {
  try {
    logger?.debug(message, details);
  } catch {
    // ignored on purpose: logging is best effort
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
export const MAX_REDIRECTS = 5;

/** True when an answer needs the redirect rules: a 3xx left to us, or a browser's opaque redirect. */
export function isRedirect(response: Response): boolean {
  return response.type === "opaqueredirect" || REDIRECTS.has(response.status);
}

/**
 * The request to send after `response`, or `undefined` when `response` is the answer. Throws the
 * `PlexAPIError` of a refused redirect. `sent` is what was sent, with its body unread (a 307/308
 * sends it again).
 */
async function nextHop(sent: Request, response: Response, hop: number): Promise<Request | undefined> {
  const { status } = response;
  const refuse = (message: string) =>
    new PlexAPIError({ message, statusCode: status, headers: response.headers, rawResponse: response });
  if (response.type === "opaqueredirect") {
    throw refuse("Plex answered with a redirect this runtime hides; not followed");
  }
  const location = response.headers.get("location");
  if (!REDIRECTS.has(status) || !location) return undefined;
  let target: URL;
  try {
    target = new URL(location, sent.url);
  } catch {
    throw refuse(`Plex answered ${status} with an invalid Location header`);
  }
  await response.body?.cancel();
  const from = new URL(sent.url).origin;
  if (target.origin !== from) {
    throw refuse(
      `Refused a redirect from ${from} to another origin (${target.origin}), which would see the token: use it as the base URL if you trust it`,
    );
  }
  if (hop >= MAX_REDIRECTS) throw refuse(`Stopped after ${MAX_REDIRECTS} redirects`);
  // 303, and 301/302 after a POST, become a GET without body; 307/308 resend method and body.
  const toGet = status === 303 || (status < 303 && sent.method === "POST");
  const headers = new Headers(sent.headers);
  if (toGet) {
    headers.delete("content-type");
    headers.delete("content-length");
  }
  return new Request(target, {
    method: toGet ? "GET" : sent.method,
    headers,
    signal: sent.signal,
    redirect: "manual",
    body: toGet || !sent.body ? undefined : await sent.arrayBuffer(),
  });
}

async function follow(first: Request, next: Next, firstHop: number): Promise<Response> {
  let request = first;
  for (let hop = firstHop; ; hop++) {
    // Keep a copy: sending consumes the body, and a 307/308 must send it again.
    const replay = request.body ? request.clone() : request;
    // User middleware may have rebuilt the request without it: fetch must never follow on its own.
    const manual = request.redirect === "manual" ? request : new Request(request, { redirect: "manual" });
    const response = await next(manual);
    const target = await nextHop(replay, response, hop);
    if (target === undefined) return response;
    request = target;
  }
}

/**
 * fetch would follow redirects itself and carry `X-Plex-Token` along, to any host. Instead every
 * request goes out with `redirect: "manual"`; we follow same-origin redirects (at most 5) and
 * refuse cross-origin ones with a `PlexAPIError`, so the token never reaches another origin.
 * Browsers hide the target of a manual redirect (an "opaqueredirect" response): that is refused too.
 */
export const redirectGuard: Middleware = (first, next) => follow(first, next, 0);

/**
 * The same rules for an answer to a request that went out without a `Request` object (the direct
 * path, sent with `redirect: "manual"`): `sent` rebuilds that request, so only a redirect pays for it.
 */
export async function followRedirect(sent: Request, response: Response, next: Next): Promise<Response> {
  const target = await nextHop(sent, response, 0);
  return target === undefined ? response : follow(target, next, 1);
}
