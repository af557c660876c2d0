import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import type {
  GetSourceConnectionInformationRequest,
  GetTransientTokenRequest,
  SourceConnectionInformationResponse,
  TransientTokenResponse,
  UserPlexAccount,
} from "@plex/models";
import { getSourceConnectionInformation } from "./get-source-connection-information.js";
import { type GetTokenDetailsRequest, getTokenDetails } from "./get-token-details.js";
import { getTransientToken } from "./get-transient-token.js";
import { type PostUsersSignInDataRequest, postUsersSignInData } from "./post-users-sign-in-data.js";

/**
 * The four authentication operations bound to one client. Each method only forwards to the standalone function
 * of the same name, so both styles behave identically.
 */
export class Authentication {
  readonly #client: PlexClient;

  constructor(client: PlexClient) {
    this.#client = client;
  }

  getTransientToken(
    request: GetTransientTokenRequest,
    options?: RequestOptions,
  ): Promise<PlexResponse<TransientTokenResponse>> {
    return getTransientToken(this.#client, request, options);
  }

  getSourceConnectionInformation(
    request: GetSourceConnectionInformationRequest,
    options?: RequestOptions,
  ): Promise<PlexResponse<SourceConnectionInformationResponse>> {
    return getSourceConnectionInformation(this.#client, request, options);
  }

  getTokenDetails(
    request: GetTokenDetailsRequest = {},
    options?: RequestOptions,
  ): Promise<PlexResponse<UserPlexAccount>> {
    return getTokenDetails(this.#client, request, options);
  }

  postUsersSignInData(
    request: PostUsersSignInDataRequest,
    options?: RequestOptions,
  ): Promise<PlexResponse<UserPlexAccount>> {
    return postUsersSignInData(this.#client, request, options);
  }
}
