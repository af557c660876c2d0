import { PlexAbortError, PlexInvalidRequestError } from "../errors";
import { isSecretName } from "../redact";
import type { RequestOptions, RequestSpec } from "../types";
import { buildHref, encodeBody } from "./build-request";
import type { Call, ClientState } from "./call";
import { createRedactor } from "./redactor";
import {
  checkBaseUrl,
  checkHeaders,
  checkMaxBytes,
  checkTimeout,
  DEFAULT_PLEX_TV_URL,
  resolveRetry,
} from "./validate-options";

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

/** Identity headers, then the spec's, then the call's; a later name replaces an earlier one in any case. */
function buildHeaders(
  state: ClientState,
  spec: RequestSpec<unknown>,
  options: RequestOptions,
  type?: string,
) {
  const headers: Record<string, string> = { ...state.identityHeaders };
  if (type) headers["Content-Type"] = type;
  if (spec.headers === undefined && options.headers === undefined) return headers;
  const merged = new Headers(headers);
  for (const [name, value] of [
    ...Object.entries(checkHeaders("spec.headers", spec.headers)),
    ...Object.entries(checkHeaders("headers", options.headers)),
  ]) {
    merged.set(name, value);
  }
  if (merged.has("x-plex-token")) {
    // A header token would skip the auth rules (only when spec.auth, redaction): one way in only.
    throw new PlexInvalidRequestError(
      "Pass the token as the accessToken option, not as an X-Plex-Token header",
    );
  }
  return Object.fromEntries(merged);
}

/** Values of secret-named fields (`password`, a Home `pin`…) of a body or query: scrubbed if an answer repeats them. */
function fieldSecrets(fields: unknown): string[] {
  if (typeof fields !== "object" || fields === null) return [];
  return Object.entries(fields)
    .filter(([name, value]) => isSecretName(name) && (typeof value === "string" || typeof value === "number"))
    .map(([, value]) => String(value));
}

/**
 * Every check of a call in one place (spec, per-call options, query and body values), run before
 * anything is sent: a mistake is a `PlexInvalidRequestError`, never a network error.
 */
export function prepareCall<T>(
  state: ClientState,
  spec: RequestSpec<T>,
  options: RequestOptions = {},
): Call<T> {
  checkSpec(spec);
  const operation = spec.operation ?? `${spec.method} ${spec.path}`;
  const href = buildHref(baseUrlFor(state, spec, options, operation), spec.path, spec.query);
  const encoded = encodeBody(spec.body);
  const { settings } = state;
  const token = spec.auth ? settings.accessToken : undefined;
  if (spec.auth && token === undefined) {
    throw new PlexInvalidRequestError(`${operation} needs an access token: set accessToken on the client`);
  }
  const signal = options.signal;
  if (signal !== undefined && typeof signal?.addEventListener !== "function") {
    throw new PlexInvalidRequestError("signal must be an AbortSignal");
  }
  const call: Call<T> = {
    state,
    spec,
    operation,
    href,
    host: new URL(href).host,
    headers: buildHeaders(state, spec, options, encoded?.contentType),
    body: encoded?.body,
    timeoutMs:
      options.timeoutMs === undefined ? state.timeoutMs : checkTimeout("timeoutMs", options.timeoutMs),
    retry: options.retry === undefined ? state.retry : resolveRetry("retry", options.retry),
    signal,
    maxResponseBytes:
      options.maxResponseBytes === undefined
        ? state.maxResponseBytes
        : checkMaxBytes("maxResponseBytes", options.maxResponseBytes),
    // Literal values scrubbed from every error text: the token, and secret body and query fields (the password, a
    // Home PIN sent as `?pin=`).
    redactor: createRedactor([
      typeof settings.accessToken === "string" ? settings.accessToken : undefined,
      ...fieldSecrets(spec.body && "form" in spec.body ? spec.body.form : spec.body?.json),
      ...fieldSecrets(spec.query),
    ]),
    token,
  };
  if (signal?.aborted) throw new PlexAbortError(`${operation} was aborted before it was sent`);
  return call;
}
