import { redactHeaders } from "./redact";

/**
 * One Plex error entry as Plex sends it in `{"errors":[…]}` or `<errors><error …/></errors>`.
 * Numbers are numbers here even when the XML carried them as strings.
 */
export interface PlexErrorEntry {
  code?: number;
  message: string;
  status?: number;
}

export interface PlexIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
}

// A registry-wide symbol, so two installed copies of @plex/core recognise each other's errors.
const MARKER: unique symbol = Symbol.for("plex.error");
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** Any `PlexError` subclass, as `isInstance` takes it (`PlexUnauthorizedError.isInstance(value)`). */
export type ErrorClass = abstract new (...args: never[]) => PlexError;

/** A non-enumerable own property: kept out of JSON, spreads and inspect's field list. */
function hide(target: object, key: PropertyKey, value: unknown): void {
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
}

const frozenList = <T>(list: readonly T[] | undefined): readonly T[] => Object.freeze([...(list ?? [])]);

/**
 * Root of every error this SDK throws. `instanceof` works across two installed copies of the
 * package because it checks a `Symbol.for` marker rather than the prototype chain.
 */
export class PlexError extends Error {
  static readonly kind: string = "PlexError";
  declare readonly [MARKER]: readonly string[];
  /** True when sending the same request again may succeed (drives the retry loop). */
  readonly isRetryable: boolean = false;

  /**
   * `cause` is kept as a non-enumerable property (as `Error` does): it never reaches `toJSON` and
   * `util.inspect` prints only this error's own (redacted) fields, since the cause may hold a secret.
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    if (options?.cause !== undefined) hide(this, "cause", options.cause);
    // The kinds of this class and its ancestors, most specific first: `name` and the marker.
    const kinds: string[] = [];
    for (let type: object = new.target; type !== Error; type = Object.getPrototypeOf(type)) {
      if (Object.hasOwn(type, "kind")) kinds.push((type as unknown as { kind: string }).kind);
    }
    hide(this, MARKER, Object.freeze(kinds));
    hide(this, "name", kinds[0]);
  }

  /** Works with errors from any installed copy of @plex/core. */
  static isInstance<T extends ErrorClass>(this: T, value: unknown): value is InstanceType<T> {
    const kinds = (value as { [MARKER]?: unknown } | null)?.[MARKER];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass the check was called on
    return Array.isArray(kinds) && kinds.includes((this as unknown as { kind: string }).kind);
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `x instanceof PlexRateLimitError` must check that subclass
    return PlexError.isInstance.call(this as unknown as typeof PlexError, value);
  }

  /**
   * Every enumerable field, all of which are redacted when set (`rawResponse` and `cause` are not
   * enumerable, and headers go through `redactHeaders`).
   */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      out[key] = typeof Headers !== "undefined" && value instanceof Headers ? redactHeaders(value) : value;
    }
    return out;
  }

  /**
   * What `console.log(error)` and `util.inspect(error)` print in Node, Deno and Bun: the class and message, then
   * one field per line (`code` and `statusCode` first), then the stack frames. Defined without importing
   * node:util so bundles stay portable (Node passes its `inspect` as the third argument). The fields are
   * `toJSON`'s, all redacted; it never descends into `cause` (the original network error may echo a URL or a
   * header).
   */
  [INSPECT](
    _depth?: number,
    options?: object,
    inspect?: (value: unknown, options?: object) => string,
  ): string {
    const { name, message, ...fields } = this.toJSON();
    const lines = [`${name}: ${message}`];
    for (const [key, value] of Object.entries({ code: 0, statusCode: 0, ...fields })) {
      if (key in fields) {
        lines.push(
          `  ${key}: ${inspect ? inspect(value, { ...options, breakLength: 1e9 }) : JSON.stringify(value)}`,
        );
      }
    }
    for (const line of (this.stack ?? "").split("\n")) if (/^\s+at /.test(line)) lines.push(line);
    return lines.join("\n");
  }
}

export interface PlexAPIErrorInit {
  message: string;
  statusCode: number;
  code?: number | undefined;
  plexErrors?: readonly PlexErrorEntry[];
  /** Already redacted and truncated. */
  body?: string;
  headers?: Headers;
  rawResponse?: Response | undefined;
  retryAfterMs?: number | undefined;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** Plex answered outside 2xx. `message` is Plex's own message when it sent one. */
export class PlexAPIError extends PlexError {
  static override readonly kind: string = "PlexAPIError";
  readonly statusCode: number;
  /** The first Plex error code (e.g. 1001), when Plex sent one. */
  readonly code: number | undefined;
  readonly plexErrors: readonly PlexErrorEntry[];
  /** The response body, redacted and truncated. */
  readonly body: string;
  readonly headers: Headers;
  declare readonly rawResponse: Response | undefined;
  override readonly isRetryable: boolean;

  constructor(init: PlexAPIErrorInit) {
    super(init.message);
    this.statusCode = init.statusCode;
    this.code = init.code;
    this.plexErrors = frozenList(init.plexErrors);
    this.body = init.body ?? "";
    this.headers = init.headers ?? new Headers();
    // Not enumerable: keeps the raw response out of inspect and structured-clone output.
    hide(this, "rawResponse", init.rawResponse);
    this.isRetryable = RETRYABLE_STATUS.has(init.statusCode);
  }
}

/** 401, 422 "Invalid token" (a revoked token), code 1001, or code 1031 (sign-in lockout). */
export class PlexUnauthorizedError extends PlexAPIError {
  static override readonly kind: string = "PlexUnauthorizedError";
  override readonly isRetryable: boolean = false;
}

/** Code 1029: the account has two-factor authentication; send `verificationCode`. */
export class PlexTwoFactorRequiredError extends PlexAPIError {
  static override readonly kind: string = "PlexTwoFactorRequiredError";
  override readonly isRetryable: boolean = false;
}

/** 429 or code 1003. `retryAfterMs` is set when Plex sent `Retry-After`. */
export class PlexRateLimitError extends PlexAPIError {
  static override readonly kind: string = "PlexRateLimitError";
  readonly retryAfterMs: number | undefined;

  constructor(init: PlexAPIErrorInit) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** DNS failure, refused or reset connection, truncated body: no usable HTTP answer. */
export class PlexConnectionError extends PlexError {
  static override readonly kind: string = "PlexConnectionError";
  override readonly isRetryable: boolean = true;
  readonly host: string;

  /** `cause`: the error fetch threw, kept non-enumerable (`error.cause.code`, e.g. `ECONNREFUSED`). */
  constructor(message: string, options: { host: string; cause?: unknown }) {
    super(message, options);
    this.host = options.host;
  }
}

/** One attempt took longer than `timeoutMs`. */
export class PlexTimeoutError extends PlexError {
  static override readonly kind: string = "PlexTimeoutError";
  override readonly isRetryable: boolean = true;
  readonly timeoutMs: number;

  constructor(message: string, options: { timeoutMs: number; cause?: unknown }) {
    super(message, options);
    this.timeoutMs = options.timeoutMs;
  }
}

/** The caller's `AbortSignal` ended the call. */
export class PlexAbortError extends PlexError {
  static override readonly kind: string = "PlexAbortError";
}

/** The answer could not be decoded or does not match the operation's schema. */
export class PlexValidationError extends PlexError {
  static override readonly kind: string = "PlexValidationError";
  readonly issues: readonly PlexIssue[];
  /** The decoded (or raw text) value, with secrets redacted. */
  readonly rawValue: unknown;

  constructor(
    message: string,
    options: { issues?: readonly PlexIssue[]; rawValue?: unknown; cause?: unknown },
  ) {
    super(message, options);
    this.rawValue = options.rawValue;
    this.issues = frozenList(options.issues);
  }
}

/** Bad input caught before anything was sent. */
export class PlexInvalidRequestError extends PlexError {
  static override readonly kind: string = "PlexInvalidRequestError";
  readonly issues: readonly PlexIssue[];

  /** `cause`: what the caller's code threw (a middleware), kept non-enumerable. */
  constructor(message: string, options?: { issues?: readonly PlexIssue[]; cause?: unknown }) {
    super(message, options);
    this.issues = frozenList(options?.issues);
  }
}

/** 403 code 1041: the Plex Home profile is PIN-protected and the PIN was missing or wrong. */
export class PlexHomePinRequiredError extends PlexAPIError {
  static override readonly kind: string = "PlexHomePinRequiredError";
  override readonly isRetryable: boolean = false;
}

/**
 * 422 from `POST /auth/jwk` "thumbprint already taken": a key with this `kid` is already registered (often by
 * this same device: safe to treat as done), or the `kid` collides with another device's.
 */
export class PlexDeviceKeyTakenError extends PlexAPIError {
  static override readonly kind: string = "PlexDeviceKeyTakenError";
  override readonly isRetryable: boolean = false;
}

/** Why a Plex JWT was rejected: which check failed. */
export type PlexJwtCheck =
  | "format"
  | "alg"
  | "kid"
  | "signature"
  | "iss"
  | "aud"
  | "exp"
  | "iat"
  | "nbf"
  | "thumbprint";

/** A Plex JWT failed verification (`verifyPlexJwt`). The message and fields never contain the token. */
export class PlexInvalidJwtError extends PlexError {
  static override readonly kind: string = "PlexInvalidJwtError";
  readonly check: PlexJwtCheck;

  constructor(message: string, options: { check: PlexJwtCheck }) {
    super(message);
    this.check = options.check;
  }
}

/**
 * HTTP 498: Plex rejected the token as expired (a JWT past its lifetime). A token *function* is
 * asked once for a fresh token (`{ expiredToken }`) and the call resent; this is thrown when that
 * is not possible (a string token) or the fresh token is refused too.
 */
export class PlexTokenExpiredError extends PlexUnauthorizedError {
  static override readonly kind: string = "PlexTokenExpiredError";
}

/** The answer was larger than `maxResponseBytes` (counted after decompression); reading stopped there. */
export class PlexResponseTooLargeError extends PlexError {
  static override readonly kind: string = "PlexResponseTooLargeError";
  readonly maxResponseBytes: number;

  constructor(message: string, options: { maxResponseBytes: number }) {
    super(message);
    this.maxResponseBytes = options.maxResponseBytes;
  }
}

/**
 * 404 code 1020 on `GET /api/v2/pins/{id}`: the PIN is unknown or has expired (plex.tv keeps a PIN for about
 * 15 minutes). Polling it again cannot succeed: create a new PIN and show its code to the user.
 */
export class PlexPinExpiredError extends PlexAPIError {
  static override readonly kind: string = "PlexPinExpiredError";
  override readonly isRetryable: boolean = false;
}
