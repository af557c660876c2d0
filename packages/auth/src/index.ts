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
  PlexHomePinRequiredError,
  PlexInvalidRequestError,
  PlexRateLimitError,
  PlexTimeoutError,
  PlexTwoFactorRequiredError,
  PlexUnauthorizedError,
  PlexValidationError,
} from "@plex/core";
export type {
  Connection,
  GetSourceConnectionInformationRequest,
  GetTransientTokenRequest,
  HomeUser,
  HomeUsers,
  PostUsersSignInDataRequestBody,
  SourceConnectionInformationResponse,
  SourceDevice,
  SwitchHomeUserRequest,
  TransientTokenResponse,
  UserPlexAccount,
} from "@plex/models";
// Request and response types of the four operations, from @plex/models.
export { GetTransientTokenType, Scope } from "@plex/models";
export { Authentication } from "./authentication.js";
export { getHomeUsers } from "./get-home-users.js";
export { getSourceConnectionInformation } from "./get-source-connection-information.js";
export { type GetTokenDetailsRequest, getTokenDetails } from "./get-token-details.js";
export { getTransientToken } from "./get-transient-token.js";
export { PlexAPI } from "./plex-api.js";
export { type PostUsersSignInDataRequest, postUsersSignInData } from "./post-users-sign-in-data.js";
export { switchHomeUser } from "./switch-home-user.js";
