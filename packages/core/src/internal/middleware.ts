import { PlexAPIError, PlexInvalidRequestError } from "../errors";
import { redactHeaders, redactUrl } from "../redact";
import type { AccessToken, Logger, Middleware } from "../types";
import { checkHeaderValue } from "./validate-options";

type Next = (request: Request) => Promise<Response>;

/** Runs `list` outermost-first around `terminal`. */
export function compose(list: readonly Middleware[], terminal: Next): Next {
  return list.reduceRight<Next>((next, middleware) => (request) => middleware(request, next), terminal);
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
    const { status } = response;
    const refuse = (message: string) =>
      new PlexAPIError({ message, statusCode: status, headers: response.headers, rawResponse: response });
    if (response.type === "opaqueredirect") {
      throw refuse("Plex answered with a redirect this runtime hides; not followed");
    }
    const location = response.headers.get("location");
    if (!REDIRECTS.has(status) || !location) return response;
    let target: URL;
    try {
      target = new URL(location, request.url);
    } catch {
      throw refuse(`Plex answered ${status} with an invalid Location header`);
    }
    await response.body?.cancel();
    const from = new URL(request.url).origin;
    if (target.origin !== from) {
      throw refuse(
        `Refused a redirect from ${from} to another origin (${target.origin}), which would see the token: use it as the base URL if you trust it`,
      );
    }
    if (hop >= MAX_REDIRECTS) throw refuse(`Stopped after ${MAX_REDIRECTS} redirects`);
    // 303, and 301/302 after a POST, become a GET without body; 307/308 resend method and body.
    const toGet = status === 303 || (status < 303 && replay.method === "POST");
    const headers = new Headers(replay.headers);
    if (toGet) {
      headers.delete("content-type");
      headers.delete("content-length");
    }
    request = new Request(target, {
      method: toGet ? "GET" : replay.method,
      headers,
      signal: replay.signal,
      redirect: "manual",
      body: toGet || !replay.body ? undefined : await replay.arrayBuffer(),
    });
  }
};
