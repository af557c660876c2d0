import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import type {
  GetServerResourcesRequest,
  GetSourceConnectionInformationRequest,
  GetTransientTokenRequest,
  HomeUsers,
  Pin,
  PingResponse,
  PlexDevice,
  SourceConnectionInformationResponse,
  SwitchHomeUserRequest,
  TransientTokenResponse,
  UserPlexAccount,
} from "@plex/models";
import { type BuildAuthAppURLRequest, buildAuthAppURL } from "./build-auth-app-url.js";
import { type CreatePinOptions, createPin } from "./create-pin.js";
import {
  type BestConnection,
  type FindBestConnectionOptions,
  findBestConnection,
  type ProbeTarget,
} from "./find-best-connection.js";
import { getHomeUsers } from "./get-home-users.js";
import { type GetPinOptions, getPin } from "./get-pin.js";
import { getServerResources } from "./get-server-resources.js";
import { getServers } from "./get-servers.js";
import { getSourceConnectionInformation } from "./get-source-connection-information.js";
import { type GetTokenDetailsRequest, getTokenDetails } from "./get-token-details.js";
import { getTransientToken } from "./get-transient-token.js";
import { ping } from "./ping.js";
import { type PostUsersSignInDataRequest, postUsersSignInData } from "./post-users-sign-in-data.js";
import { switchHomeUser } from "./switch-home-user.js";
import { type ValidateTokenRequest, type ValidateTokenResult, validateToken } from "./validate-token.js";
import {
  type WaitForPinTokenOptions,
  type WaitForPinTokenPin,
  waitForPinToken,
} from "./wait-for-pin-token.js";

/**
 * The authentication operations bound to one client. Each method only forwards to the standalone function
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
   * Lists the account's servers, players and clients with their connections and tokens
   * (`GET https://plex.tv/api/v2/resources`; `includeHttps`, `includeRelay`, `includeIPv6` default to true).
   * Errors: `PlexUnauthorizedError` (revoked or unknown token), `PlexConnectionError`, `PlexTimeoutError`.
   * @example const { data: devices } = await plex.authentication.getServerResources();
   */
  getServerResources(
    request: GetServerResourcesRequest = {},
    options?: RequestOptions,
  ): Promise<PlexResponse<PlexDevice[]>> {
    return getServerResources(this.#client, request, options);
  }

  /**
   * `getServerResources` keeping only Plex Media Servers (`provides` includes `server`). Same errors.
   * @example const { data: servers } = await plex.authentication.getServers();
   */
  getServers(
    request: GetServerResourcesRequest = {},
    options?: RequestOptions,
  ): Promise<PlexResponse<PlexDevice[]>> {
    return getServers(this.#client, request, options);
  }

  /**
   * Probes every connection of a device (`GET {uri}/identity`) in parallel and returns the most preferred one that
   * works: local, then remote, then relay; https first when `preferHttps`. Errors: `PlexConnectionError` listing
   * each URI and why (within about one `timeoutMs`), `PlexAbortError`, `PlexInvalidRequestError`.
   * @example const { uri } = await plex.authentication.findBestConnection(servers[0], { timeoutMs: 3000 });
   */
  findBestConnection(device: ProbeTarget, options?: FindBestConnectionOptions): Promise<BestConnection> {
    return findBestConnection(this.#client, device, options);
  }

  /**
   * Asks plex.tv whether the token works (`GET https://plex.tv/api/v2/user`): `{ valid: true, account }` or, for
   * 401 and 422 "Invalid token", `{ valid: false, reason }`. Network failures, timeouts, 429 and 5xx throw.
   * @example const { valid } = await plex.authentication.validateToken();
   */
  validateToken(request: ValidateTokenRequest = {}, options?: RequestOptions): Promise<ValidateTokenResult> {
    return validateToken(this.#client, request, options);
  }

  /**
   * Keeps the token alive (`GET https://plex.tv/api/v2/ping`); `data` is `true` when plex.tv accepted it.
   * Errors: `PlexUnauthorizedError`, `PlexConnectionError`, `PlexTimeoutError`, `PlexRateLimitError`.
   * @example const { data: alive } = await plex.authentication.ping();
   */
  ping(options?: RequestOptions): Promise<PlexResponse<PingResponse>> {
    return ping(this.#client, options);
  }

  /**
   * Creates a plex.tv PIN (POST https://plex.tv/api/v2/pins, 201) for "Sign in with Plex". `strong: true` gives
   * the long code for the auth app URL; without it, the short code for plex.tv/link. Needs the `product` option
   * (PlexInvalidRequestError otherwise); sends no token.
   *
   * @example
   * const { data: pin } = await plex.authentication.createPin({ strong: true });
   */
  createPin(request: CreatePinOptions = {}, options?: RequestOptions): Promise<PlexResponse<Pin>> {
    return createPin(this.#client, request, options);
  }

  /**
   * Reads a PIN (GET https://plex.tv/api/v2/pins/{id}); `authToken` is set once the user approved it. An unknown
   * or expired PIN throws PlexPinExpiredError (404 code 1020).
   *
   * @example
   * const { data } = await plex.authentication.getPin({ id: pin.id });
   */
  getPin(request: GetPinOptions, options?: RequestOptions): Promise<PlexResponse<Pin>> {
    return getPin(this.#client, request, options);
  }

  /**
   * The app.plex.tv address where the user approves a PIN, with this client's identifier and identity fields
   * filled in (the request's own values win). Pure; throws PlexInvalidRequestError for a non-http(s) forwardUrl.
   *
   * @example
   * window.open(plex.authentication.buildAuthAppURL({ code: pin.code }));
   */
  buildAuthAppURL(
    request: Omit<BuildAuthAppURLRequest, "clientIdentifier"> & { clientIdentifier?: string },
  ): string {
    const { clientIdentifier, product, version, platform, platformVersion, device, deviceName, model } =
      this.#client.options;
    return buildAuthAppURL({
      ...{ clientIdentifier, product, version, platform, platformVersion, device, deviceName, model },
      ...request,
    } as BuildAuthAppURLRequest);
  }

  /**
   * Polls the PIN until the user approves it and resolves with the token. Stops at the PIN's expiry or
   * `timeoutMs` (PlexTimeoutError), on `signal` (PlexAbortError, also mid-pause), or on 404 code 1020
   * (PlexPinExpiredError); 5xx and connection failures are polled through, 429 backs off.
   *
   * @example
   * const token = await plex.authentication.waitForPinToken(pin, { signal });
   */
  waitForPinToken(
    pin: WaitForPinTokenPin,
    options?: WaitForPinTokenOptions,
    requestOptions?: RequestOptions,
  ): Promise<string> {
    return waitForPinToken(this.#client, pin, options, requestOptions);
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
