import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import type {
  GetSourceConnectionInformationRequest,
  GetTransientTokenRequest,
  HomeUsers,
  SourceConnectionInformationResponse,
  SwitchHomeUserRequest,
  TransientTokenResponse,
  UserPlexAccount,
} from "@plex/models";
import { getHomeUsers } from "./get-home-users.js";
import { getSourceConnectionInformation } from "./get-source-connection-information.js";
import { type GetTokenDetailsRequest, getTokenDetails } from "./get-token-details.js";
import { getTransientToken } from "./get-transient-token.js";
import { type PostUsersSignInDataRequest, postUsersSignInData } from "./post-users-sign-in-data.js";
import { switchHomeUser } from "./switch-home-user.js";

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

  /**
   * Lists the members of the token owner's Plex Home (GET https://plex.tv/api/v2/home/users): `uuid`, `admin`,
   * `restricted` (managed), `protected` (needs a PIN) and `thumb` for each.
   *
   * Errors: `PlexUnauthorizedError` for a bad token; `PlexAPIError` otherwise.
   *
   * @example
   * const { data } = await plex.authentication.getHomeUsers();
   */
  getHomeUsers(options?: RequestOptions): Promise<PlexResponse<HomeUsers>> {
    return getHomeUsers(this.#client, options);
  }

  /**
   * Switches to a Plex Home member and returns their account with its `authToken`
   * (POST https://plex.tv/api/v2/home/users/{uuid}/switch, `pin` as a query parameter, redacted everywhere).
   *
   * Errors: `PlexInvalidRequestError` (empty uuid or pin), `PlexHomePinRequiredError` (403, code 1041: PIN
   * missing or wrong), `PlexUnauthorizedError` (bad token).
   *
   * @example
   * const { data } = await plex.authentication.switchHomeUser({ uuid: member.uuid, pin: "1234" });
   */
  switchHomeUser(
    request: SwitchHomeUserRequest,
    options?: RequestOptions,
  ): Promise<PlexResponse<UserPlexAccount>> {
    return switchHomeUser(this.#client, request, options);
  }
}
