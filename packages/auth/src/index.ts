// Operations: standalone functions (tree-shakable, client first) and the PlexAPI convenience wrapper over them.

export type {
  AccessToken,
  AccessTokenContext,
  Logger,
  Middleware,
  PlexClient,
  PlexClientOptions,
  PlexErrorEntry,
  PlexIssue,
  PlexJwtCheck,
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
  PlexDeviceKeyTakenError,
  PlexError,
  PlexHomePinRequiredError,
  PlexInvalidJwtError,
  PlexInvalidRequestError,
  PlexPinExpiredError,
  PlexRateLimitError,
  PlexTimeoutError,
  PlexTokenExpiredError,
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
  HomeUser,
  HomeUsers,
  JwtKeySet,
  Pin,
  PingResponse,
  PinLocation,
  PlexDevice,
  PlexDeviceConnection,
  PostUsersSignInDataRequestBody,
  PublicJwk,
  SourceConnectionInformationResponse,
  SourceDevice,
  SwitchHomeUserRequest,
  TransientTokenResponse,
  UserPlexAccount,
} from "@plex/models";
// Request and response types of the operations, from @plex/models.
export { GetTransientTokenType, Scope } from "@plex/models";
export { Authentication } from "./authentication.js";
export { type BuildAuthAppURLRequest, buildAuthAppURL, PLEX_AUTH_APP_URL } from "./build-auth-app-url.js";
export { connectToServer } from "./connect-to-server.js";
// JWT device keys: standalone functions only (not on the Authentication class), so apps that never import them
// do not bundle them.
export {
  type CreateJwtTokenProviderOptions,
  createJwtTokenProvider,
  type JwtTokenContext,
  type JwtTokenProvider,
  type JwtTokenStore,
} from "./create-jwt-token-provider.js";
export { type CreatePinOptions, createPin } from "./create-pin.js";
export { createPlexJwtKeySource, type PlexJwtKeySource } from "./create-plex-jwt-key-source.js";
export {
  DeviceKey,
  type DeviceKeyJwk,
  type DevicePublicJwk,
  exportDeviceKey,
  generateDeviceKey,
  importDeviceKey,
} from "./device-key.js";
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
export { getHomeUsers } from "./get-home-users.js";
export { type GetPinOptions, getPin } from "./get-pin.js";
export { getPlexJwtKeys } from "./get-plex-jwt-keys.js";
export { getServerResources } from "./get-server-resources.js";
export { getServers, isServer } from "./get-servers.js";
export { getSourceConnectionInformation } from "./get-source-connection-information.js";
export { type GetTokenDetailsRequest, getTokenDetails } from "./get-token-details.js";
export { getTransientToken } from "./get-transient-token.js";
export { type JwtPinLogin, prepareJwtPinLogin } from "./jwt-pin-login.js";
export { ping } from "./ping.js";
export { PlexAPI } from "./plex-api.js";
export { type PostUsersSignInDataRequest, postUsersSignInData } from "./post-users-sign-in-data.js";
export { type PlexJwt, type RefreshJwtRequest, refreshJwt } from "./refresh-jwt.js";
export { registerDeviceKey } from "./register-device-key.js";
export { switchHomeUser } from "./switch-home-user.js";
export {
  type InvalidTokenReason,
  type ValidateTokenRequest,
  type ValidateTokenResult,
  validateToken,
} from "./validate-token.js";
export { type PlexJwtClaims, type VerifyPlexJwtOptions, verifyPlexJwt } from "./verify-plex-jwt.js";
export {
  type WaitForPinTokenOptions,
  type WaitForPinTokenPin,
  waitForPinToken,
} from "./wait-for-pin-token.js";
