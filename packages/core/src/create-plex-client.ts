import type { ClientState } from "./internal/call";
import { buildIdentityHeaders } from "./internal/identity-headers";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./internal/read-body";
import { sendRequest } from "./internal/send-request";
import { DEFAULT_TIMEOUT_MS, resolveRetry, validateOptions } from "./internal/validate-options";
import { REDACTED } from "./redact";
import type { PlexClient, PlexClientOptions } from "./types";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** The options users see on `client.options`: frozen, with the token hidden from enumeration. */
function publicOptions(settings: PlexClientOptions): Readonly<PlexClientOptions> {
  const { accessToken, ...rest } = settings;
  const view: PlexClientOptions = { ...rest };
  if (accessToken !== undefined) {
    // Readable on purpose, but JSON.stringify, spreads, Object.keys and console.log skip it.
    Object.defineProperty(view, "accessToken", { value: accessToken, enumerable: false });
  }
  Object.defineProperty(view, INSPECT, {
    value: () => ({ ...rest, ...(accessToken === undefined ? {} : { accessToken: REDACTED }) }),
    enumerable: false,
  });
  return Object.freeze(view);
}

/**
 * Creates an immutable client. Options are checked here, so a mistake fails at start-up with a
 * `PlexInvalidRequestError` instead of as a confusing network error later.
 */
export function createPlexClient(options: PlexClientOptions): PlexClient {
  validateOptions(options);
  const settings: PlexClientOptions = { ...options };
  if (settings.middleware)
    settings.middleware = Object.freeze([...settings.middleware]) as PlexClient["options"]["middleware"];
  const state: ClientState = Object.freeze({
    settings: Object.freeze(settings),
    identityHeaders: buildIdentityHeaders(settings),
    retry: resolveRetry("retry", settings.retry),
    timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxResponseBytes: settings.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  });
  const view = publicOptions(settings);
  const client: PlexClient = {
    options: view,
    request: (spec, requestOptions) => sendRequest(state, spec, requestOptions),
    withOptions: (overrides) => createPlexClient({ ...settings, ...overrides }),
  };
  Object.defineProperty(client, INSPECT, { value: () => ({ options: view }), enumerable: false });
  Object.defineProperty(client, "toJSON", { value: () => ({ options: view }), enumerable: false });
  return Object.freeze(client);
}
