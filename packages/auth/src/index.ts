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
  GetServerResourcesRequest,
  GetSourceConnectionInformationRequest,
  GetTransientTokenRequest,
  Pin,
  PingResponse,
  PinLocation,
  PlexDevice,
  PlexDeviceConnection,
  PostUsersSignInDataRequestBody,
  SourceConnectionInformationResponse,
  SourceDevice,
  TransientTokenResponse,
  UserPlexAccount,
} from "@plex/models";
// Request and response types of the operations, from @plex/models.
export { GetTransientTokenType, Scope } from "@plex/models";
export { Authentication } from "./authentication.js";
export { type BuildAuthAppURLRequest, buildAuthAppURL, PLEX_AUTH_APP_URL } from "./build-auth-app-url.js";
export { connectToServer } from "./connect-to-server.js";
export { createPin } from "./create-pin.js";
export {
  type BestConnection,
  type ConnectionKind,
  type ConnectionProbe,
  type ConnectionProbeCancelled,
  type ConnectionProbeFailed,
  type ConnectionProbeOk,
  type FindBestConnectionOptions,
  findBestConnection,
  type NoConnectionError,
  type ProbeFailureReason,
  type ProbeTarget,
} from "./find-best-connection.js";
export { getPin } from "./get-pin.js";
export { getServerResources } from "./get-server-resources.js";
export { getServers, isServer } from "./get-servers.js";
export { getSourceConnectionInformation } from "./get-source-connection-information.js";
export { type GetTokenDetailsRequest, getTokenDetails } from "./get-token-details.js";
export { getTransientToken } from "./get-transient-token.js";
export { ping } from "./ping.js";
export { PlexAPI } from "./plex-api.js";
export { type PostUsersSignInDataRequest, postUsersSignInData } from "./post-users-sign-in-data.js";
export {
  type InvalidTokenReason,
  type ValidateTokenRequest,
  type ValidateTokenResult,
  validateToken,
} from "./validate-token.js";
export {
  type WaitForPinTokenOptions,
  type WaitForPinTokenPin,
  waitForPinToken,
} from "./wait-for-pin-token.js";
