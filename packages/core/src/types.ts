import type * as z from "zod/v4/core";

/** Back-off settings. `false` in place of this object turns retries off. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** Upper bound of the first back-off (full jitter: the real wait is random below it). Default 500. */
  initialDelayMs?: number;
  /** Cap for any back-off. Default 8 000. */
  maxDelayMs?: number;
  /** Longest `Retry-After` we wait for; a longer one throws `PlexRateLimitError` at once. Default 60 000. */
  maxRetryAfterMs?: number;
}

/** Debug output sink. Everything passed to it is already redacted. */
export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
}

/** Wraps one attempt: call `next` to continue, or answer without it. */
export type Middleware = (
  request: Request,
  next: (request: Request) => Promise<Response>,
) => Promise<Response>;

/** What a token function is told when it is called. */
export interface AccessTokenContext {
  /**
   * Set when Plex just answered HTTP 498 to this token (an expired JWT): return a fresh one. The
   * call is then sent once more with it (even a sign-in: a 498 means it was not processed).
   */
  readonly expiredToken?: string;
  /** The caller's signal, to pass on to a refresh request. */
  readonly signal?: AbortSignal;
}

/**
 * A token, or a function returning one (called before every attempt, so it can refresh; called
 * once more with `{ expiredToken }` when Plex answers 498). A `PlexError` it throws (e.g. a refused
 * refresh's `PlexUnauthorizedError`) reaches the caller as it is; any other throw becomes a
 * `PlexInvalidRequestError` that does not repeat its message.
 */
export type AccessToken = string | ((context: AccessTokenContext) => string | Promise<string>);

export interface PlexClientOptions {
  /** Required. Stable per install: becomes `X-Plex-Client-Identifier`, the device Plex lists. */
  clientIdentifier: string;
  product?: string;
  version?: string;
  platform?: string;
  platformVersion?: string;
  device?: string;
  deviceName?: string;
  model?: string;
  deviceVendor?: string;
  marketplace?: string;
  /** Sent as `X-Plex-Token`, only on operations that need it. */
  accessToken?: AccessToken;
  /** Plex Media Server base URL, e.g. `http://192.168.1.10:32400`. */
  serverURL?: string;
  /** Default `https://plex.tv/api/v2`. */
  plexTvURL?: string;
  /** Per attempt. Default 30 000. */
  timeoutMs?: number;
  retry?: false | RetryOptions;
  /** Largest answer read, in bytes after decompression. Default 8 MiB (8 388 608). */
  maxResponseBytes?: number;
  /** Called as `fetch(url, init)`: see the README for the exact shape. */
  fetch?: typeof globalThis.fetch;
  middleware?: Middleware[];
  logger?: Logger;
}

/** Per-call overrides. */
export interface RequestOptions {
  serverURL?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: false | RetryOptions;
  headers?: Record<string, string>;
  /** Overrides the client's `maxResponseBytes` for this call. */
  maxResponseBytes?: number;
}

export type QueryValue = string | number | boolean | undefined;

/** What an operation in @plex/auth describes; the client turns it into HTTP. */
export interface RequestSpec<T> {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** `pms` → the Plex Media Server (`serverURL`), `plextv` → `plexTvURL`. */
  server: "pms" | "plextv";
  /** Appended to the base URL, e.g. `/user`. */
  path: string;
  /** `undefined` values are dropped; booleans are sent as 1/0 (form bodies send true/false). */
  query?: Record<string, QueryValue>;
  body?: { form: Record<string, QueryValue> } | { json: unknown };
  /** Adds `X-Plex-Token`. */
  auth: boolean;
  /** `false`: never retried (a repeated sign-in can trip Plex's lockout). */
  idempotent: boolean;
  headers?: Record<string, string>;
  responseSchema: z.$ZodType<T>;
  /** Name used in errors and logs, e.g. `getTokenDetails`. */
  operation?: string;
}

export interface PlexResponse<T> {
  statusCode: number;
  contentType: string;
  headers: Headers;
  rawResponse: Response;
  data: T;
}

export interface PlexClient {
  /** Frozen. The token is not enumerable and is redacted on inspect. */
  readonly options: Readonly<PlexClientOptions>;
  request<T>(spec: RequestSpec<T>, options?: RequestOptions): Promise<PlexResponse<T>>;
  /** A new client with these options merged in; this one is unchanged. */
  withOptions(overrides: Partial<PlexClientOptions>): PlexClient;
}
