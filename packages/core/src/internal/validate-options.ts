import { PlexInvalidRequestError } from "../errors";
import { isSecretName } from "../redact";
import type { PlexClientOptions, RetryOptions } from "../types";
import { IDENTITY_HEADERS } from "./identity-headers";

/** Resolved retry settings with every default filled in. */
export interface ResolvedRetry {
  maxRetries: number;
  initialDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: ResolvedRetry = Object.freeze({
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
});
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_PLEX_TV_URL = "https://plex.tv/api/v2";

// setTimeout overflows above this and fires at once.
const MAX_TIMER_MS = 2_147_483_647;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `field` names the option in `issues`, for code (and UIs) that point at the field to fix. */
function fail(message: string, field?: string): never {
  throw new PlexInvalidRequestError(message, field ? { issues: [{ path: [field], message }] } : undefined);
}

/**
 * Header values must be one line of printable Latin-1 text: CR/LF could split headers, and fetch
 * throws a bare TypeError on anything outside Latin-1. The value itself is never echoed.
 */
export function checkHeaderValue(what: string, value: unknown): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (typeof value !== "string" || /[^\u0009\u0020-\u007e\u0080-\u00ff]/.test(value)) {
    fail(`${what} must be a string of printable Latin-1 characters on one line (no CR, LF or NUL)`);
  }
  return value;
}

// Framing and connection headers belong to fetch: it throws a bare TypeError on them (a caller's
// mistake that used to look like network trouble and was retried).
const FORBIDDEN =
  /^(connection|content-length|expect|host|keep-alive|proxy-connection|te|trailer|transfer-encoding|upgrade)$/i;

export function checkHeaders(what: string, headers: unknown): Record<string, string> {
  if (headers === undefined) return {};
  if (typeof headers !== "object" || headers === null || Array.isArray(headers)) {
    fail(`${what} must be an object of header names to values`);
  }
  // No prototype: a header named "__proto__" (valid HTTP) must be an entry, not a prototype change that drops it.
  const out: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(headers)) {
    const where = `${what}["${name}"]`;
    if (!HEADER_NAME.test(name)) fail(`${where} is not a valid header name`);
    if (FORBIDDEN.test(name)) fail(`${where} is set by fetch itself and cannot be sent`);
    // fetch copies headers into a plain object, where this name sets the prototype: it would vanish unsent.
    if (name === "__proto__") fail(`${where} cannot be sent: fetch drops a header of that name`);
    out[name] = checkHeaderValue(where, value);
  }
  return out;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

export function checkBaseUrl(what: string, value: unknown): string {
  const url = typeof value === "string" ? parseUrl(value) : undefined;
  // The value is repeated only when it cannot carry a secret: no user:password@, no query (where tokens go), no
  // fragment, no whitespace. Missing `http://` is the usual mistake ("192.168.1.10:32400", "localhost:32400").
  const shown = typeof value === "string" && /^[ -"$->A-~]{1,200}$/.test(value) ? ` "${value}"` : "";
  const guess =
    shown && !(value as string).includes("://") && parseUrl(`http://${value}`) ? `http://${value}` : "";
  if (!url || (guess && !/^https?:$/.test(url.protocol))) {
    fail(
      `${what}${shown} is not an absolute URL: ${guess ? `did you mean "${guess}"?` : `expected "http://host:port"`}`,
      what,
    );
  }
  if (!/^https?:$/.test(url.protocol))
    fail(`${what}${shown} must use http: or https:, got ${url.protocol}`, what);
  if (url.hash) fail(`${what} must not contain a #fragment`, what);
  // Never echoed: fetch would repeat them in its error messages (and send them to the server).
  if (url.username || url.password) fail(`${what} must not contain user:password@ credentials`, what);
  for (const key of url.searchParams.keys()) {
    // The token travels only in the X-Plex-Token header, where it is redacted and origin-checked.
    if (isSecretName(key)) fail(`${what} must not carry ${key}: use the accessToken option`, what);
  }
  return value as string;
}

const isNumber = (value: unknown, min: number): value is number =>
  typeof value === "number" && value >= min && value <= MAX_TIMER_MS;

export function checkTimeout(what: string, value: unknown): number {
  // 0 is refused: it would time out at once.
  if (!isNumber(value, Number.MIN_VALUE))
    fail(`${what} must be a positive number of ms, at most ${MAX_TIMER_MS}`);
  return value;
}

export function checkMaxBytes(what: string, value: unknown): number {
  if (!(typeof value === "number" && Number.isSafeInteger(value) && value > 0)) {
    fail(`${what} must be a positive whole number of bytes`);
  }
  return value;
}

export function resolveRetry(what: string, value: false | RetryOptions | undefined): ResolvedRetry | false {
  if (value === false) return false;
  if (value === undefined) return DEFAULT_RETRY;
  if (typeof value !== "object" || value === null) fail(`${what} must be false or an object`);
  const out = { ...DEFAULT_RETRY };
  for (const key of Object.keys(DEFAULT_RETRY) as (keyof ResolvedRetry)[]) {
    const item = value[key];
    if (item === undefined) continue;
    if (typeof item !== "number" || !(item >= 0) || item === Infinity) {
      fail(`${what}.${key} must be a non-negative number`);
    }
    out[key] = key === "maxRetries" ? Math.floor(item) : Math.min(item, MAX_TIMER_MS);
  }
  return out;
}

/** Fail fast with a readable message: a bad option should never surface as a confusing network error. */
export function validateOptions(options: PlexClientOptions): void {
  const id = options?.clientIdentifier;
  if (typeof id !== "string" || !id.trim()) {
    fail(
      "clientIdentifier is required: a stable id for this install (plex.tv refuses requests without one)",
      "clientIdentifier",
    );
  }
  for (const field of Object.keys(IDENTITY_HEADERS) as (keyof typeof IDENTITY_HEADERS)[]) {
    if (options[field] !== undefined) checkHeaderValue(field, options[field]);
  }
  const { accessToken: token, fetch, middleware, logger } = options;
  if (token !== undefined && typeof token !== "function") {
    if (typeof token !== "string" || !token) fail("accessToken must be a non-empty string or a function");
    checkHeaderValue("accessToken", token);
  }
  if (options.serverURL !== undefined) checkBaseUrl("serverURL", options.serverURL);
  if (options.plexTvURL !== undefined) checkBaseUrl("plexTvURL", options.plexTvURL);
  if (options.timeoutMs !== undefined) checkTimeout("timeoutMs", options.timeoutMs);
  if (options.maxResponseBytes !== undefined) checkMaxBytes("maxResponseBytes", options.maxResponseBytes);
  resolveRetry("retry", options.retry);
  if (fetch !== undefined && typeof fetch !== "function") fail("fetch must be a function");
  if (
    middleware !== undefined &&
    !(Array.isArray(middleware) && middleware.every((m) => typeof m === "function"))
  ) {
    fail("middleware must be an array of functions");
  }
  if (logger !== undefined && typeof logger?.debug !== "function") fail("logger must have a debug method");
}
