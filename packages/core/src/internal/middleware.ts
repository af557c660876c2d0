import { PlexAPIError, PlexInvalidRequestError } from "../errors";
import { redactHeaders, redactUrl } from "../redact";
import type { AccessToken, Logger, Middleware } from "../types";
import { checkHeaderValue } from "./validate-options";

type Next = (request: Request) => Promise<Response>;

/** Runs `list` outermost-first around `terminal`. */
export function compose(list: readonly Middleware[], terminal: Next): Next {
  return list.reduceRight<Next>((next, middleware) => (request) => middleware(request, next), terminal);
}

function withHeader(request: Request, name: string, value: string): Request {
  const headers = new Headers(request.headers);
  headers.set(name, value);
  return new Request(request, { headers });
}

/**
 * Adds `X-Plex-Token`. The token function runs on every attempt so a refreshed token is used;
 * `onToken` lets the caller scrub the resolved value from any error text.
 */
export function authMiddleware(token: AccessToken, onToken: (value: string) => void): Middleware {
  return async (request, next) => {
    let value: unknown;
    try {
      value = typeof token === "function" ? await token() : token;
    } catch {
      // Its message could hold anything (even the old token), so only say that it failed.
      throw new PlexInvalidRequestError("The accessToken function threw instead of returning a token");
    }
    if (typeof value !== "string" || value === "") {
      throw new PlexInvalidRequestError("accessToken function must return a non-empty string");
    }
    onToken(value);
    checkHeaderValue("accessToken", value);
    return next(withHeader(request, "X-Plex-Token", value));
  };
}

/** Debug lines for each attempt; URLs and headers pass through redaction first. */
export function loggingMiddleware(target: Logger, operation: string | undefined): Middleware {
  // A throwing logger must not turn a good answer into an error.
  const logger = {
    debug: (message: string, details: Record<string, unknown>) => safeDebug(target, message, details),
  };
  return async (request, next) => {
    const started = Date.now();
    logger.debug("plex request", {
      operation,
      method: request.method,
      url: redactUrl(request.url),
      headers: redactHeaders(request.headers),
    });
    try {
      const response = await next(request);
      logger.debug("plex response", {
        operation,
        status: response.status,
        contentType: response.headers.get("content-type") ?? "",
        durationMs: Date.now() - started,
      });
      return response;
    } catch (error) {
      logger.debug("plex request failed", {
        operation,
        error: (error as Error)?.name ?? "Error",
        durationMs: Date.now() - started,
      });
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

function redirectError(response: Response, message: string): PlexAPIError {
  return new PlexAPIError({
    message,
    statusCode: response.status,
    headers: response.headers,
    rawResponse: response,
  });
}

/**
 * fetch would follow redirects itself and carry `X-Plex-Token` along, to any host. Instead every
 * request goes out with `redirect: "manual"`; we follow same-origin redirects (at most 5) and
 * refuse cross-origin ones with a `PlexAPIError`, so the token never reaches another origin.
 * Browsers hide the target of a manual redirect (an "opaqueredirect" response): that is refused too.
 */
export const redirectGuard: Middleware = async (first, next) => {
  let request = first;
  for (let hop = 0; ; hop++) {
    // Keep a copy: sending consumes the body, and a 307/308 must send it again.
    const replay = request.body ? request.clone() : request;
    // User middleware may have rebuilt the request without it: fetch must never follow on its own.
    const manual = request.redirect === "manual" ? request : new Request(request, { redirect: "manual" });
    const response = await next(manual);
    if (response.type === "opaqueredirect") {
      throw redirectError(
        response,
        "Plex answered with a redirect that this runtime does not expose; not followed",
      );
    }
    const location = response.headers.get("location");
    if (!REDIRECTS.has(response.status) || !location) return response;
    let target: URL;
    try {
      target = new URL(location, request.url);
    } catch {
      throw redirectError(response, `Plex answered ${response.status} with an invalid Location header`);
    }
    const from = new URL(request.url);
    if (target.origin !== from.origin) {
      await response.body?.cancel();
      throw redirectError(
        response,
        `Refused a redirect from ${from.origin} to another origin (${target.origin}): the token is never sent ` +
          "across origins. Use that address as the base URL if you trust it.",
      );
    }
    if (hop >= MAX_REDIRECTS) {
      await response.body?.cancel();
      throw redirectError(response, `Stopped after ${MAX_REDIRECTS} redirects`);
    }
    await response.body?.cancel();
    const toGet =
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) && replay.method === "POST");
    if (toGet) {
      const headers = new Headers(replay.headers);
      headers.delete("content-type");
      headers.delete("content-length");
      request = new Request(target, { method: "GET", headers, signal: replay.signal, redirect: "manual" });
    } else {
      const body = replay.body ? await replay.arrayBuffer() : undefined;
      const init = {
        method: replay.method,
        headers: replay.headers,
        signal: replay.signal,
        redirect: "manual" as const,
      };
      request = new Request(target, body === undefined ? init : { ...init, body });
    }
  }
};
