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

type ErrorClass = abstract new (...args: never[]) => PlexError;

/** A non-enumerable own property: kept out of JSON, spreads and inspect's field list. */
function hide(target: object, key: PropertyKey, value: unknown): void {
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
}

const frozenList = <T>(list: readonly T[] | undefined): readonly T[] => Object.freeze([...(list ?? [])]);

/**
 * Root of every error this SDK throws. `instanceof` works across two installed copies of the
 * package because it checks a `Symbol.for` marker rather than the prototype chain.
 *
 * Subclasses declare their fields (`declare`) and pass them up: this one constructor assigns
 * them, so each class adds no constructor code of its own beyond what it computes.
 */
export class PlexError extends Error {
  static readonly kind: string = "PlexError";
  declare readonly [MARKER]: readonly string[];
  /** True when sending the same request again may succeed (drives the retry loop). */
  readonly isRetryable: boolean = false;

  /** `options` holds `cause` and the subclass's own fields, assigned as enumerable properties. */
  constructor(message: string, options?: { cause?: unknown; [field: string]: unknown }) {
    const { cause, ...fields } = options ?? {};
    super(message, cause === undefined ? undefined : { cause });
    // The kinds of this class and its ancestors, most specific first: `name` and the marker.
    const kinds: string[] = [];
    for (let type: object = new.target; type !== Error; type = Object.getPrototypeOf(type)) {
      if (Object.hasOwn(type, "kind")) kinds.push((type as unknown as { kind: string }).kind);
    }
    hide(this, MARKER, Object.freeze(kinds));
    hide(this, "name", kinds[0]);
    Object.assign(this, fields);
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

  // util.inspect calls this in Node; defined without importing node:util so bundles stay portable.
  [INSPECT](): string {
    const { name: _name, message: _message, ...rest } = this.toJSON();
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
  declare readonly statusCode: number;
  /** The first Plex error code (e.g. 1001), when Plex sent one. */
  declare readonly code: number | undefined;
  declare readonly plexErrors: readonly PlexErrorEntry[];
  /** The response body, redacted and truncated. */
  declare readonly body: string;
  declare readonly headers: Headers;
  declare readonly rawResponse: Response | undefined;
  override readonly isRetryable: boolean;

  constructor({ message, rawResponse, retryAfterMs: _, ...init }: PlexAPIErrorInit) {
    super(message, {
      ...init,
      code: init.code,
      plexErrors: frozenList(init.plexErrors),
      body: init.body ?? "",
      headers: init.headers ?? new Headers(),
    });
    // Not enumerable: keeps the raw response out of inspect and structured-clone output.
    hide(this, "rawResponse", rawResponse);
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
  declare readonly host: string;

  constructor(message: string, options: { host: string; cause?: unknown }) {
    super(message, options);
  }
}

/** One attempt took longer than `timeoutMs`. */
export class PlexTimeoutError extends PlexError {
  static override readonly kind: string = "PlexTimeoutError";
  override readonly isRetryable: boolean = true;
  declare readonly timeoutMs: number;

  constructor(message: string, options: { timeoutMs: number }) {
    super(message, options);
  }
}

/** The caller's `AbortSignal` ended the call. */
export class PlexAbortError extends PlexError {
  static override readonly kind: string = "PlexAbortError";
}

/** The answer could not be decoded or does not match the operation's schema. */
export class PlexValidationError extends PlexError {
  static override readonly kind: string = "PlexValidationError";
  declare readonly issues: readonly PlexIssue[];
  /** The decoded (or raw text) value, with secrets redacted. */
  declare readonly rawValue: unknown;

  constructor(
    message: string,
    options: { issues?: readonly PlexIssue[]; rawValue?: unknown; cause?: unknown },
  ) {
    super(message, { rawValue: undefined, ...options, issues: frozenList(options.issues) });
  }
}

/** Bad input caught before anything was sent. */
export class PlexInvalidRequestError extends PlexError {
  static override readonly kind: string = "PlexInvalidRequestError";
  declare readonly issues: readonly PlexIssue[];

  constructor(message: string, options?: { issues?: readonly PlexIssue[] }) {
    super(message, { issues: frozenList(options?.issues) });
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
