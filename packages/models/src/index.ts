export { extraFields } from "./extra-fields.js";
export type { HomeUser, HomeUsers, SwitchHomeUserRequest } from "./home.js";
export { HomeUserSchema, HomeUsersSchema, SwitchHomeUserRequestSchema } from "./home.js";
export type { Identity } from "./identity.js";
export { IdentitySchema } from "./identity.js";
export type { JwtKeySet, JwtNonce, JwtTokenResponse, PublicJwk } from "./jwt.js";
export { JwtKeySetSchema, JwtNonceSchema, JwtTokenResponseSchema, PublicJwkSchema } from "./jwt.js";
export type { CreatePinRequest, GetPinRequest, Pin, PinLocation } from "./pin.js";
export { CreatePinRequestSchema, GetPinRequestSchema, PinLocationSchema, PinSchema } from "./pin.js";
export type { PingResponse } from "./ping.js";
export { PingResponseSchema } from "./ping.js";
export type { PlexDevice, PlexDeviceConnection, PlexDevices } from "./plex-device.js";
export { PlexDeviceConnectionSchema, PlexDeviceSchema, PlexDevicesSchema } from "./plex-device.js";
export type { PlexErrorDetail, PlexErrorStatus, PlexErrors } from "./plex-errors.js";
export { PlexErrorDetailSchema, PlexErrorStatusSchema, PlexErrorsSchema } from "./plex-errors.js";
export type { GetServerResourcesRequest } from "./server-resources-request.js";
export { GetServerResourcesRequestSchema } from "./server-resources-request.js";
export type { PostUsersSignInDataRequestBody } from "./sign-in.js";
export { PostUsersSignInDataRequestBodySchema } from "./sign-in.js";
export type {
  Connection,
  GetSourceConnectionInformationRequest,
  SourceConnectionInformationResponse,
  SourceDevice,
} from "./source-connection-information.js";
export {
  ConnectionSchema,
  GetSourceConnectionInformationRequestSchema,
  SourceConnectionInformationResponseSchema,
  SourceDeviceSchema,
} from "./source-connection-information.js";
export type { GetTransientTokenRequest, TransientTokenResponse } from "./transient-token.js";
export {
  GetTransientTokenRequestSchema,
  GetTransientTokenType,
  Scope,
  TransientTokenResponseSchema,
} from "./transient-token.js";
export type {
  Service,
  Subscription,
  SubscriptionRecord,
  UserPlexAccount,
  UserProfile,
} from "./user-plex-account.js";
export {
  ServiceSchema,
  SubscriptionRecordSchema,
  SubscriptionSchema,
  UserPlexAccountSchema,
  UserProfileSchema,
} from "./user-plex-account.js";
