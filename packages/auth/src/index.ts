// Operations: standalone functions (tree-shakable, client first) and the PlexAPI convenience wrapper over them.

export type {
  AccessToken,
  Logger,
  Middleware,
  PlexClient,
  PlexClientOptions,
  PlexErrorEntry,
  PlexIssue,
  PlexResponse,
  RequestOptions,
  RetryOptions,
} from "@plex/core";
// Re-exported from @plex/core so that most users install one package.
export {
  createPlexClient,
  PlexAbortError,
  PlexAPIError,
  PlexConnectionError,
  PlexError,
  PlexInvalidRequestError,
  PlexPinExpiredError,
  PlexRateLimitError,
  PlexTimeoutError,
  PlexTwoFactorRequiredError,
  PlexUnauthorizedError,
  PlexValidationError,
} from "@plex/core";
export type {
  Connection,
  CreatePinRequest,
  GetPinRequest,
  GetSourceConnectionInformationRequest,
  GetTransientTokenRequest,
  Pin,
  PinLocation,
  PostUsersSignInDataRequestBody,
  SourceConnectionInformationResponse,
  SourceDevice,
  TransientTokenResponse,
  UserPlexAccount,
} from "@plex/models";
// Request and response types of the four operations, from @plex/models.
export { GetTransientTokenType, Scope } from "@plex/models";
export { Authentication } from "./authentication.js";
export { type BuildAuthAppURLRequest, buildAuthAppURL, PLEX_AUTH_APP_URL } from "./build-auth-app-url.js";
export { createPin } from "./create-pin.js";
export { getPin } from "./get-pin.js";
export { getSourceConnectionInformation } from "./get-source-connection-information.js";
export { type GetTokenDetailsRequest, getTokenDetails } from "./get-token-details.js";
export { getTransientToken } from "./get-transient-token.js";
export { PlexAPI } from "./plex-api.js";
export { type PostUsersSignInDataRequest, postUsersSignInData } from "./post-users-sign-in-data.js";
export {
  type WaitForPinTokenOptions,
  type WaitForPinTokenPin,
  waitForPinToken,
} from "./wait-for-pin-token.js";
