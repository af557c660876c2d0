import { decodeBody } from "./decode-body";
import {
  PlexAbortError,
  PlexConnectionError,
  PlexError,
  PlexInvalidRequestError,
  PlexTimeoutError,
} from "./errors";
import { buildHref, encodeBody } from "./internal/build-request";
import {
  authMiddleware,
  compose,
  followRedirect,
  isRedirect,
  loggingMiddleware,
  redirectGuard,
  resolveToken,
  safeDebug,
} from "./internal/middleware";
import {
  checkBaseUrl,
  checkHeaders,
  checkHeaderValue,
  checkTimeout,
  DEFAULT_PLEX_TV_URL,
  type ResolvedRetry,
  resolveRetry,
} from "./internal/validate-options";
import { validateResponse } from "./internal/validate-response";
import { toApiError } from "./map-error";
import { isSecretName, redactText } from "./redact";
import { withRetry } from "./retry";
import type {
  AccessToken,
  AccessTokenContext,
  Middleware,
  PlexClientOptions,
  PlexResponse,
  RequestOptions,
  RequestSpec,
} from "./types";

/** What a client computed once at construction. */
export interface ClientState {
  readonly settings: Readonly<PlexClientOptions>;
  readonly identityHeaders: Readonly<Record<string, string>>;
  readonly retry: ResolvedRetry | false;
  readonly timeoutMs: number;
}

const METHODS = new Set(["GET", "POST", "PUT", "DELETE"]);

function checkSpec(spec: RequestSpec<unknown>): void {
  const problem =
    typeof spec !== "object" || spec === null
      ? "it must be an object"
      : !METHODS.has(spec.method)
        ? `method ${String(spec.method)} is not supported`
        : spec.server !== "pms" && spec.server !== "plextv"
          ? 'server must be "pms" or "plextv"'
          : typeof spec.path !== "string"
            ? "path must be a string"
            : !(spec.responseSchema as { _zod?: unknown } | null)?._zod
              ? "responseSchema must be a zod schema"
              : "";
  if (problem) throw new PlexInvalidRequestError(`Invalid request spec: ${problem}`);
}

function baseUrlFor(
  state: ClientState,
  spec: RequestSpec<unknown>,
  options: RequestOptions,
  operation: string,
) {
  if (options.serverURL !== undefined) return checkBaseUrl("serverURL", options.serverURL);
  if (spec.server === "plextv") return state.settings.plexTvURL ?? DEFAULT_PLEX_TV_URL;
  const server = state.settings.serverURL;
  if (server === undefined) {
    throw new PlexInvalidRequestError(
      `${operation} talks to a Plex Media Server: set serverURL on the client or in the call options`,
    );
  }
  return server;
}

type OutgoingHeaders = Headers | Record<string, string>;

function buildHeaders(
  state: ClientState,
  spec: RequestSpec<unknown>,
  options: RequestOptions,
  contentType?: string,
): OutgoingHeaders {
  if (spec.headers === undefined && options.headers === undefined) {
    // The usual call: a plain copy of the identity headers is all fetch needs (no name can clash).
    const plain = { ...state.identityHeaders };
    if (contentType) plain["Content-Type"] = contentType;
    return plain;
  }
  const headers = new Headers(state.identityHeaders);
  if (contentType) headers.set("Content-Type", contentType);
  for (const [name, value] of Object.entries(checkHeaders("spec.headers", spec.headers)))
    headers.set(name, value);
  for (const [name, value] of Object.entries(checkHeaders("headers", options.headers)))
    headers.set(name, value);
  if (headers.has("x-plex-token")) {
    // A header token would skip the auth rules (only when spec.auth, redaction): one way in only.
    throw new PlexInvalidRequestError(
      "Pass the token as the accessToken option, not as an X-Plex-Token header",
    );
  }
  return headers;
}

const copyHeaders = (headers: OutgoingHeaders): OutgoingHeaders =>
  headers instanceof Headers ? new Headers(headers) : { ...headers };

function bodySecrets(body: RequestSpec<unknown>["body"]): string[] {
  const fields = body && "form" in body ? body.form : body && "json" in body ? body.json : undefined;
  if (typeof fields !== "object" || fields === null) return [];
  return Object.entries(fields)
    .filter(([name, value]) => isSecretName(name) && (typeof value === "string" || typeof value === "number"))
    .map(([, value]) => String(value));
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  const message = typeof cause?.message === "string" ? cause.message : (error as Error)?.message;
  return [code, message].filter(Boolean).join(": ") || "network error";
}

type DirectInit = RequestInit & { headers: OutgoingHeaders; signal: AbortSignal; redirect: "manual" };

/**
 * The path without middleware: the same steps as auth → redirect guard → fetch, with no `Request`
 * objects (fetch builds its own). A redirect rebuilds the request and follows the guard's rules.
 */
async function sendDirect(
  href: string,
  init: DirectInit,
  token: AccessToken | undefined,
  tokenContext: () => AccessTokenContext,
  secrets: (string | undefined)[],
  fetchOf: () => typeof globalThis.fetch,
  next: (request: Request) => Promise<Response>,
): Promise<Response> {
  if (token !== undefined) {
    let value: string;
    // A string token was checked (and listed in secrets) when the client was created.
    if (typeof token === "string") value = token;
    else {
      value = await resolveToken(token, tokenContext());
      secrets.push(value);
      checkHeaderValue("accessToken", value);
    }
    if (init.headers instanceof Headers) init.headers.set("X-Plex-Token", value);
    else init.headers["X-Plex-Token"] = value;
  }
  const response = await fetchOf()(href, init);
  return isRedirect(response) ? followRedirect(new Request(href, init), response, next) : response;
}

/** Sends one typed request: validation, middleware, retries, decoding and error mapping. */
export async function sendRequest<T>(
  state: ClientState,
  spec: RequestSpec<T>,
  options: RequestOptions = {},
): Promise<PlexResponse<T>> {
  checkSpec(spec);
  const operation = spec.operation ?? `${spec.method} ${spec.path}`;
  const href = buildHref(baseUrlFor(state, spec, options, operation), spec.path, spec.query);
  const body = encodeBody(spec.body);
  const headers = buildHeaders(state, spec, options, body?.contentType);
  const timeoutMs =
    options.timeoutMs === undefined ? state.timeoutMs : checkTimeout("timeoutMs", options.timeoutMs);
  const retry = options.retry === undefined ? state.retry : resolveRetry("retry", options.retry);
  const signal = options.signal;
  const { settings } = state;
  const token = settings.accessToken;
  if (spec.auth && token === undefined) {
    throw new PlexInvalidRequestError(`${operation} needs an access token: set accessToken on the client`);
  }
  if (signal !== undefined && typeof signal?.addEventListener !== "function") {
    throw new PlexInvalidRequestError("signal must be an AbortSignal");
  }
  if (signal?.aborted) throw new PlexAbortError(`${operation} was aborted before it was sent`);

  // Literal values scrubbed from every error text: the token and secret body fields (the password).
  const secrets: (string | undefined)[] = [
    typeof token === "string" ? token : undefined,
    ...bodySecrets(spec.body),
  ];
  // A 498 (expired token) answered to a token function asks it once more, with the rejected token.
  let expiredToken: string | undefined;
  const tokenContext = (): AccessTokenContext =>
    expiredToken === undefined ? { signal } : { expiredToken, signal };
  const fetchOf = () => settings.fetch ?? globalThis.fetch;
  const terminal = (request: Request) => fetchOf()(request);
  // Without user middleware or a logger nothing needs to see a Request: fetch gets url + init
  // directly, the token already in the headers (see sendDirect).
  const direct = settings.logger === undefined && !settings.middleware?.length;
  let send = terminal;
  if (!direct) {
    const chain: Middleware[] = [...(settings.middleware ?? [])];
    if (settings.logger) chain.push(loggingMiddleware(settings.logger, operation));
    if (spec.auth && token !== undefined)
      chain.push(authMiddleware(token, (value) => secrets.push(value), tokenContext));
    chain.push(redirectGuard);
    send = compose(chain, terminal);
  }
  const attempt = async (attemptNumber: number): Promise<PlexResponse<T>> => {
    const controller = new AbortController();
    let timedOut = false;
    // Rejects the await in progress: an injected fetch (or its body) may ignore the signal.
    let stop: ((reason: unknown) => void) | undefined;
    const onAbort = () => {
      controller.abort();
      stop?.(controller.signal.reason);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      onAbort();
    }, timeoutMs);
    signal?.addEventListener("abort", onAbort, { once: true });
    const guard = <V>(promise: Promise<V>): Promise<V> =>
      new Promise<V>((resolve, reject) => {
        if (controller.signal.aborted) reject(controller.signal.reason);
        stop = reject;
        promise.then(resolve, reject);
      });
    try {
      const init: DirectInit = {
        method: spec.method,
        // A retry gets its own copy: a fetch stub may keep what it was given.
        headers: attemptNumber === 0 ? headers : copyHeaders(headers),
        signal: controller.signal,
        redirect: "manual",
        ...(body ? { body: body.body } : {}),
      };
      const sendOnce = () =>
        guard(
          direct
            ? sendDirect(href, init, spec.auth ? token : undefined, tokenContext, secrets, fetchOf, terminal)
            : send(new Request(href, init)),
        );
      let response = await sendOnce();
      if (response.status === 498 && spec.auth && typeof token === "function" && expiredToken === undefined) {
        // Not awaited: cancelling a mocked body (msw's interceptor) never settles, and nothing waits on it.
        response.body?.cancel().catch(() => {});
        // The last value the function returned is the one Plex just refused.
        expiredToken = secrets[secrets.length - 1] ?? "";
        init.headers = copyHeaders(headers);
        response = await sendOnce();
      }
      const text = await guard(response.text());
      if (!response.ok) throw await toApiError(response, text, { secrets });
      const contentType = response.headers.get("content-type") ?? "";
      const decoded = await decodeBody(text, contentType, secrets);
      const data = await validateResponse(spec.responseSchema, decoded, operation, secrets);
      return {
        statusCode: response.status,
        contentType,
        headers: response.headers,
        rawResponse: response,
        data,
      };
    } catch (error) {
      if (PlexError.isInstance(error)) throw error;
      if (signal?.aborted) throw new PlexAbortError(`${operation} was aborted`);
      if (timedOut) {
        throw new PlexTimeoutError(`${operation} timed out after ${timeoutMs} ms`, {
          timeoutMs,
          cause: error,
        });
      }
      const detail = redactText(describeCause(error), secrets);
      const { host } = new URL(href);
      throw new PlexConnectionError(`Could not complete ${operation} with ${host}: ${detail}`, {
        host,
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  };

  return withRetry(attempt, spec.idempotent ? retry : false, {
    signal,
    onRetry: (error, attemptNumber, delayMs) =>
      safeDebug(settings.logger, "plex retry", {
        operation,
        attempt: attemptNumber + 1,
        delayMs,
        error: (error as Error)?.name,
      }),
  });
}
