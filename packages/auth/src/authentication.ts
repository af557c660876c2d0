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

  /**
   * Asks the Plex Media Server for a transient token (POST {serverURL}/security/token?type=delegation&scope=all):
   * same access as the caller's token, valid for up to 48 hours, gone when the server restarts.
   * `type: "delegation"` and `scope: "all"` are the only values PMS accepts.
   *
   * Errors: `PlexInvalidRequestError` for another type or scope, or no `serverURL`; `PlexUnauthorizedError` for a
   * token the server refuses; `PlexConnectionError`, `PlexTimeoutError` when the server cannot be reached.
   *
   * @example
   * const { data } = await plex.authentication.getTransientToken({ type: "delegation", scope: "all" });
   */
  getTransientToken(
    request: GetTransientTokenRequest,
    options?: RequestOptions,
  ): Promise<PlexResponse<TransientTokenResponse>> {
    return getTransientToken(this.#client, request, options);
  }

  /**
   * Asks the Plex Media Server for the connections and a transient token of a source it knows
   * (GET {serverURL}/security/resources?source=…, e.g. `server://<clientIdentifier>` for a shared server).
   * Needs an admin token. PMS >= 1.15.4.
   *
   * Errors: `PlexInvalidRequestError` for a source that is not `scheme://identifier`, or no `serverURL`;
   * `PlexUnauthorizedError` for a token that is not the server admin's; `PlexConnectionError`, `PlexTimeoutError`
   * when the server cannot be reached.
   *
   * @example
   * const { data } = await plex.authentication.getSourceConnectionInformation({ source: "server://a1b2c3" });
   */
  getSourceConnectionInformation(
    request: GetSourceConnectionInformationRequest,
    options?: RequestOptions,
  ): Promise<PlexResponse<SourceConnectionInformationResponse>> {
    return getSourceConnectionInformation(this.#client, request, options);
  }

  /**
   * Returns the plex.tv account that owns the client's token (GET https://plex.tv/api/v2/user).
   *
   * Errors: `PlexUnauthorizedError` for an unknown (401) or revoked (422 "Invalid token") token;
   * `PlexInvalidRequestError` when the client has no token; `PlexConnectionError`, `PlexTimeoutError`,
   * `PlexRateLimitError` when plex.tv could not be asked.
   *
   * @example
   * const { data: account } = await plex.authentication.getTokenDetails();
   */
  getTokenDetails(
    request: GetTokenDetailsRequest = {},
    options?: RequestOptions,
  ): Promise<PlexResponse<UserPlexAccount>> {
    return getTokenDetails(this.#client, request, options);
  }

  /**
   * Signs a plex.tv account in with its login and password (POST https://plex.tv/api/v2/users/signin) and returns
   * the account with its `authToken` (status 201).
   *
   * Plex answers 401 code 1029 (PlexTwoFactorRequiredError) when the account needs a verification code,
   * 1001 (PlexUnauthorizedError) for a wrong login or password, 1031 (PlexUnauthorizedError) when it has locked
   * sign-ins from this address, and 429 / code 1003 (PlexRateLimitError) when called too often.
   *
   * @example
   * const { data: account } = await plex.authentication.postUsersSignInData({
   *   requestBody: { login: "someone@example.com", password },
   * });
   * const signedIn = plex.withAccessToken(account.authToken);
   */
  postUsersSignInData(
    request: PostUsersSignInDataRequest,
    options?: RequestOptions,
  ): Promise<PlexResponse<UserPlexAccount>> {
    return postUsersSignInData(this.#client, request, options);
  }

  /**
   * Lists the servers, players and clients the account can use, each with its connections and the token to use
   * with it (`GET https://plex.tv/api/v2/resources`). `includeHttps`, `includeRelay` and `includeIPv6` default to
   * true and are sent as `1`/`0`: without them plex.tv leaves relay and IPv6 connections out.
   *
   * Errors: `PlexInvalidRequestError` for a non-boolean flag or no token; `PlexUnauthorizedError` for a revoked
   * (422) or unknown (401) token; `PlexConnectionError`, `PlexTimeoutError`, `PlexRateLimitError` otherwise.
   *
   * @example
   * const { data: devices } = await plex.authentication.getServerResources();
   */
  getServerResources(
    request: GetServerResourcesRequest = {},
    options?: RequestOptions,
  ): Promise<PlexResponse<PlexDevice[]>> {
    return getServerResources(this.#client, request, options);
  }

  /**
   * {@link getServerResources} keeping only Plex Media Servers (`provides` includes `server`): owned, Home and
   * shared servers alike. The same request (`GET https://plex.tv/api/v2/resources`), flags and errors:
   * `PlexInvalidRequestError` for a non-boolean flag or no token; `PlexUnauthorizedError` for a revoked or unknown
   * token; `PlexConnectionError`, `PlexTimeoutError`, `PlexRateLimitError` otherwise.
   *
   * @example
   * const { data: servers } = await plex.authentication.getServers();
   */
  getServers(
    request: GetServerResourcesRequest = {},
    options?: RequestOptions,
  ): Promise<PlexResponse<PlexDevice[]>> {
    return getServers(this.#client, request, options);
  }

  /**
   * Finds the connection of a device (from `getServerResources`) that works from here. Every connection's
   * `GET {uri}/identity` is probed at once, with the device's own `accessToken` and the client's identity headers.
   * Preference: local, then remote, then relay (relay bandwidth is capped); within each, https before http when
   * `preferHttps`. The answer is the most preferred connection whose server says it is this device
   * (`machineIdentifier` equals `clientIdentifier`), returned as soon as every more preferred one has failed;
   * the other probes are then aborted, and none outlives the call. With `httpsRequired`, http connections are
   * listed as `"https-required"` and not tried. Only the URIs Plex lists are probed: a `*.plex.direct` name that
   * does not resolve (DNS rebinding protection) is reported as `"dns"` with a hint, not rewritten.
   *
   * Errors: `PlexConnectionError` listing each URI and why it failed (`error.tried`), within about one
   * `timeoutMs`; `PlexAbortError` when `signal` aborts; `PlexInvalidRequestError` for a device without
   * connections or a bad option.
   *
   * @example
   * const { uri } = await plex.authentication.findBestConnection(servers[0], { timeoutMs: 3000 });
   */
  findBestConnection(device: ProbeTarget, options?: FindBestConnectionOptions): Promise<BestConnection> {
    return findBestConnection(this.#client, device, options);
  }

  /**
   * Asks plex.tv whether a token still works (`GET https://plex.tv/api/v2/user`): `{ valid: true, account }`, or
   * `{ valid: false, reason }` when plex.tv refuses it (401, or 422 "Invalid token" for a revoked token).
   * Anything that says nothing about the token throws its typed error instead (`PlexConnectionError`,
   * `PlexTimeoutError`, `PlexRateLimitError` for 429, `PlexAPIError` for 5xx), so a good token is never discarded
   * because plex.tv hiccupped. `PlexInvalidRequestError` when there is no token to check.
   *
   * @example
   * const { valid } = await plex.authentication.validateToken();
   */
  validateToken(request: ValidateTokenRequest = {}, options?: RequestOptions): Promise<ValidateTokenResult> {
    return validateToken(this.#client, request, options);
  }

  /**
   * Keeps a token alive: plex.tv's `GET https://plex.tv/api/v2/ping` with the token (python-plexapi's
   * `MyPlexAccount.ping()`), answered `<pong>true</pong>`. `data` is `true` when plex.tv accepted it.
   *
   * Errors: `PlexUnauthorizedError` for a revoked or unknown token; `PlexConnectionError`, `PlexTimeoutError`,
   * `PlexRateLimitError` when plex.tv could not be asked.
   *
   * @example
   * const { data: alive } = await plex.authentication.ping();
   */
  ping(options?: RequestOptions): Promise<PlexResponse<PingResponse>> {
    return ping(this.#client, options);
  }

  /**
   * Creates a plex.tv PIN (POST https://plex.tv/api/v2/pins, status 201): the first step of "Sign in with Plex".
   * Show the user `buildAuthAppURL(...)` (with `strong: true`) or the short `code` for plex.tv/link (without),
   * then call `waitForPinToken` with the PIN. No token is sent: the PIN is how you get one.
   *
   * plex.tv names the app the user approves after `X-Plex-Product`, so the client must have `product` configured;
   * without it this throws PlexInvalidRequestError before anything is sent. A missing client identifier is
   * answered 400 code 1000 by plex.tv; too many PINs, 429 (PlexRateLimitError).
   *
   * @example
   * const { data: pin } = await plex.authentication.createPin({ strong: true });
   */
  createPin(request: CreatePinOptions = {}, options?: RequestOptions): Promise<PlexResponse<Pin>> {
    return createPin(this.#client, request, options);
  }

  /**
   * Reads a PIN (GET https://plex.tv/api/v2/pins/{id}): `authToken` is null until the user approves it, then the
   * account's token. Use the same client (same `clientIdentifier`) that created it. `waitForPinToken` polls this.
   *
   * An unknown or expired PIN is answered 404 code 1020: PlexPinExpiredError (a PlexAPIError).
   *
   * @example
   * const { data } = await plex.authentication.getPin({ id: pin.id });
   */
  getPin(request: GetPinOptions, options?: RequestOptions): Promise<PlexResponse<Pin>> {
    return getPin(this.#client, request, options);
  }

  /**
   * The app.plex.tv address where the user approves a PIN: `https://app.plex.tv/auth#?clientID=…&code=…&
   * context[device][product]=…&forwardUrl=…`. Pure: nothing is sent. Every value is percent-encoded, so spaces,
   * `&`, `#` and non-ASCII text in a product name or forward URL arrive as written. The parameters sit after `#`,
   * so they never reach a server log.
   *
   * Throws PlexInvalidRequestError for an empty identifier or code, or a `forwardUrl` / `authAppURL` that is not
   * an absolute http(s) URL (a `javascript:` forward URL would run in plex.tv's page).
   *
   * On the class, this client's identifier and identity fields (`product`, `device`, …) are filled in; the
   * request's own values win.
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
   * Polls the PIN (GET https://plex.tv/api/v2/pins/{id}) until the user approves it, and resolves with the account
   * token. Polls at once, then every `intervalMs`.
   *
   * - Stops at the PIN's `expiresAt` or after `timeoutMs`, whichever comes first: PlexTimeoutError.
   * - `signal` ends it at once, in the middle of a pause too: PlexAbortError.
   * - An unknown or expired PIN (404 code 1020): PlexPinExpiredError, a PlexAPIError with `code === 1020`.
   * - 5xx answers and connection failures are tolerated: the next poll runs as planned. A 429 doubles the pause
   *   (or waits for Retry-After). Other errors (401, a malformed answer) end the wait.
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
   * Lists the members of the token owner's Plex Home (GET https://plex.tv/api/v2/home/users): the admin, family
   * members and managed users, each with `uuid` (for {@link switchHomeUser}), `admin`, `restricted` (managed),
   * `protected` (a Home PIN is needed to switch) and `thumb`.
   *
   * Errors: `PlexUnauthorizedError` for a missing, revoked or expired token; `PlexAPIError` otherwise.
   *
   * @example
   * const { data } = await plex.authentication.getHomeUsers();
   */
  getHomeUsers(options?: RequestOptions): Promise<PlexResponse<HomeUsers>> {
    return getHomeUsers(this.#client, options);
  }

  /**
   * Switches to a member of the Plex Home and returns that member's account, whose `authToken` acts as them
   * (POST https://plex.tv/api/v2/home/users/{uuid}/switch). Sent with the Home admin's (or any member's) token.
   * `pin` is the member's 4-digit Home PIN, needed when the member is `protected`; it travels as the `pin` query
   * parameter (as Plex Web and python-plexapi send it) and is redacted like a password in errors and logs, as is
   * the hashed `pin` field of the answer.
   *
   * Errors: `PlexInvalidRequestError` for an empty `uuid` or `pin` (nothing sent); `PlexHomePinRequiredError`
   * (403, code 1041) for a missing or wrong PIN; `PlexUnauthorizedError` for a bad token.
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
