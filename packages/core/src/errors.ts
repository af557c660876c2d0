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

// A registry-wide symbol, so two installed copies of @plex/core recognise each other's errors.
const MARKER: unique symbol = Symbol.for("plex.error");
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

type ErrorClass = abstract new (...args: never[]) => PlexError;

function kindsOf(target: unknown): string[] {
  const kinds: string[] = [];
  let current = target;
  while (typeof current === "function" && current !== Error) {
    if (Object.hasOwn(current, "kind")) kinds.push((current as unknown as { kind: string }).kind);
    current = Object.getPrototypeOf(current);
  }
  return kinds;
}

/**
 * Root of every error this SDK throws. `instanceof` works across two installed copies of the
 * package because it checks a `Symbol.for` marker rather than the prototype chain.
 */
export class PlexError extends Error {
  static readonly kind: string = "PlexError";
  declare readonly [MARKER]: readonly string[];
  /** True when sending the same request again may succeed (drives the retry loop). */
  readonly isRetryable: boolean = false;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    Object.defineProperty(this, MARKER, { value: Object.freeze(kindsOf(new.target)), enumerable: false });
    Object.defineProperty(this, "name", {
      value: (new.target as unknown as { kind: string }).kind,
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }

  /** Works with errors from any installed copy of @plex/core. */
  static isInstance<T extends ErrorClass>(this: T, value: unknown): value is InstanceType<T> {
    if (typeof value !== "object" || value === null) return false;
    const kinds = (value as { [MARKER]?: unknown })[MARKER];
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

  // util.inspect calls this in Node; defined without importing node:util so bundles stay portable.
  [INSPECT](): string {
    const fields = this.toJSON();
    const { name: _name, message: _message, ...rest } = fields;
    return `${this.stack ?? `${this.name}: ${this.message}`} ${JSON.stringify(rest)}`;
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
    this.plexErrors = Object.freeze([...(init.plexErrors ?? [])]);
    this.body = init.body ?? "";
    this.headers = init.headers ?? new Headers();
    // Not enumerable: keeps the raw response out of inspect and structured-clone output.
    Object.defineProperty(this, "rawResponse", { value: init.rawResponse, enumerable: false });
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

  constructor(message: string, options: { timeoutMs: number }) {
    super(message);
    this.timeoutMs = options.timeoutMs;
  }
}

/** The caller's `AbortSignal` ended the call. */
export class PlexAbortError extends PlexError {
  static override readonly kind: string = "PlexAbortError";
}

export interface PlexIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
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
    this.issues = Object.freeze([...(options.issues ?? [])]);
    this.rawValue = options.rawValue;
  }
}

/** Bad input caught before anything was sent. */
export class PlexInvalidRequestError extends PlexError {
  static override readonly kind: string = "PlexInvalidRequestError";
  readonly issues: readonly PlexIssue[];

  constructor(message: string, options?: { issues?: readonly PlexIssue[] }) {
    super(message);
    this.issues = Object.freeze([...(options?.issues ?? [])]);
  }
}
