export { createPlexClient } from "./create-plex-client";
export { decodeBody, type Secrets } from "./decode-body";
export {
  type ErrorClass,
  PlexAbortError,
  PlexAPIError,
  type PlexAPIErrorInit,
  PlexConnectionError,
  PlexDeviceKeyTakenError,
  PlexError,
  type PlexErrorEntry,
  PlexHomePinRequiredError,
  PlexInvalidJwtError,
  PlexInvalidRequestError,
  type PlexIssue,
  type PlexJwtCheck,
  PlexPinExpiredError,
  PlexRateLimitError,
  PlexTimeoutError,
  PlexTokenExpiredError,
  PlexTwoFactorRequiredError,
  PlexUnauthorizedError,
  PlexValidationError,
} from "./errors";
export { parseInput } from "./parse-input";
export { isSecretName, REDACTED, redact, redactHeaders, redactText, redactUrl, SECRET_NAMES } from "./redact";
export type {
  AccessToken,
  AccessTokenContext,
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
