export { createPlexClient } from "./create-plex-client";
export { decodeBody } from "./decode-body";
export {
  PlexAbortError,
  PlexAPIError,
  type PlexAPIErrorInit,
  PlexConnectionError,
  PlexError,
  type PlexErrorEntry,
  PlexInvalidRequestError,
  type PlexIssue,
  PlexPinExpiredError,
  PlexRateLimitError,
  PlexTimeoutError,
  PlexTwoFactorRequiredError,
  PlexUnauthorizedError,
  PlexValidationError,
} from "./errors";
export { parseInput } from "./parse-input";
export { REDACTED, redact, redactHeaders, redactText, redactUrl } from "./redact";
export type {
  AccessToken,
  Logger,
  Middleware,
  PlexClient,
  PlexClientOptions,
  PlexResponse,
  QueryValue,
  RequestOptions,
  RequestSpec,
  RetryOptions,
} from "./types";
