import {
  connectToServer,
  createPin,
  createPlexClient,
  findBestConnection,
  generateDeviceKey,
  getHomeUsers,
  getPin,
  getPlexJwtKeys,
  getServerResources,
  getServers,
  getSourceConnectionInformation,
  getTokenDetails,
  getTransientToken,
  PlexAPI,
  type PlexClient,
  type PlexClientOptions,
  ping,
  postUsersSignInData,
  prepareJwtPinLogin,
  type RequestOptions,
  refreshJwt,
  registerDeviceKey,
  switchHomeUser,
  validateToken,
  waitForPinToken,
} from "@plex/auth";
import {
  DEMO_ACCOUNTS,
  DEMO_CLIENT_IDENTIFIER,
  DEMO_HOME,
  DEMO_SERVER,
  DEMO_TOKENS,
  DEMO_TRANSIENT_TOKEN,
} from "@plex/demo-plex";
import type { Expectation } from "./faults";

/** What the server must see when a call with a fuzzed value is sent: that value, exactly, in one place. */
export interface SentValue {
  /** The path, when the value is part of it (default: the row's path). */
  readonly path?: string;
  readonly query?: Record<string, string>;
  readonly form?: Record<string, string>;
  readonly header?: readonly [name: string, value: string];
}

/** One caller-controlled input of an operation, for the hostile-input fuzzing. */
export interface InputField {
  readonly name: string;
  /** Calls the operation with `value` in this field (everything else valid). */
  call(client: PlexClient, value: string): Promise<unknown>;
  /** Where `value` must arrive when the call is sent (it may instead be refused before sending). */
  sent(value: string): SentValue;
}

/**
 * One public operation of @plex/auth, as every suite of this package drives it. Adding an operation to the SDK
 * means adding one row here: the fault matrix, the soak, the secrets checks and the cancellation tests pick it up.
 */
export interface OperationRow {
  readonly name: string;
  /** The request the operation sends (its first one, for operations that send several). */
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** The path the server sees, without the query. */
  readonly path: string;
  /** `false`: never sent twice once the server answered (sign-in). */
  readonly idempotent: boolean;
  /** Whether the request carries `X-Plex-Token`. */
  readonly auth: boolean;
  /** Calls the operation with valid input; the demo Plex (see `demoBehavior`) answers it successfully. */
  call(client: PlexClient, options?: RequestOptions): Promise<unknown>;
  /** True when `result` is the typed value the demo's good answer gives. */
  isGoodResult(result: unknown): boolean;
  /** Polls through 5xx, 429 and connection failures until its own deadline (PIN_WAIT) instead of failing. */
  readonly pollsUntilDeadline?: boolean;
  /** Probes a server's connections (one request each, never retried), as findBestConnection does. */
  readonly probes?: boolean;
  /** Requests a successful call sends to a fresh demo (default 1). */
  readonly healthyRequests?: number;
  /** Secrets this call handles besides the client's token (the password it sends, the tokens it receives). */
  readonly secrets: readonly string[];
  /** Its caller-controlled string inputs (the fuzzing puts hostile values in each). */
  readonly inputs: readonly InputField[];
  /**
   * What this operation does under `fault` when it differs from a plain request (`base`, computed from `idempotent`):
   * a PIN wait keeps polling through transient failures, for instance.
   */
  expect?(fault: string, base: Expectation): Expectation;
}

/** `X-Plex-Product` of every client the suites create. */
export const SUITE_PRODUCT = "Plex SDK reliability suite";

/** The PIN `demoBehavior` creates in every demo it serves (the demo numbers PINs from 880001). */
export const SEEDED_PIN_ID = 880001;
/** How the rows wait for a PIN: polls 100 ms apart, for at most a second (or the call's `timeoutMs` if longer). */
export const PIN_WAIT = { intervalMs: 100, timeoutMs: 1_000 } as const;

// Generating a key is the caller's work, not the operation's: one is always ready, so a call starts sending at once
// (a call aborted before sending must settle without waiting for the crypto thread pool).
let nextKey = generateDeviceKey();
let jwtDevices = 0;
function freshKey() {
  // Swapped before anyone awaits: two calls at once must never get the same key.
  const key = nextKey;
  nextKey = generateDeviceKey();
  return key;
}

/** A server as getServerResources lists it, whose one connection is `origin` (the demo answers its /identity). */
export function deviceAt(origin: string) {
  const url = new URL(origin);
  return {
    name: "Reliability suite server",
    clientIdentifier: DEMO_SERVER.clientIdentifier,
    accessToken: DEMO_SERVER.accessToken,
    provides: "server",
    connections: [
      {
        protocol: url.protocol.slice(0, -1),
        address: url.hostname,
        port: Number(url.port),
        uri: origin,
        local: true,
        relay: false,
        IPv6: false,
      },
    ],
  };
}

const originOf = (client: PlexClient) => client.options.serverURL ?? "http://127.0.0.1:9";
const probeOptions = (client: PlexClient, options?: RequestOptions) => ({
  timeoutMs: options?.timeoutMs ?? client.options.timeoutMs ?? 5_000,
  signal: options?.signal,
});

/** Probing sends one request per connection, never retried: every fault ends in "no connection worked". */
function probeExpectation(fault: string, base: Expectation): Expectation {
  const requests = fault === "redirect loop" ? 6 : 1;
  const timeouts = fault === "stall past the timeout" || fault === "body trickles 1 byte/s";
  return {
    error: "PlexConnectionError",
    attempts: requests,
    served: fault === "connection refused" ? 0 : requests,
    minMs: timeouts ? base.minMs / base.attempts : 0,
    maxMs: timeouts ? base.minMs / base.attempts + base.maxMs - base.minMs : base.maxMs,
  };
}

const hasServer = (result: unknown) =>
  ((dataOf(result) as unknown as { clientIdentifier?: unknown }[] | undefined) ?? []).some(
    (device) => device.clientIdentifier === DEMO_SERVER.clientIdentifier,
  );

// Faults a PIN wait polls through (the next poll may succeed) until its own deadline.
const TRANSIENT_FOR_PIN_WAIT = new Set([
  "connection refused",
  "reset mid-body",
  "stall past the timeout",
  "body trickles 1 byte/s",
  "500",
  "502",
  "503",
  "504",
  "429 without Retry-After",
  "429 Retry-After: 1",
  "429 Retry-After beyond the cap",
]);

const dataOf = (result: unknown) => (result as { data?: Record<string, unknown> } | undefined)?.data;
const containerOf = (result: unknown) =>
  dataOf(result)?.MediaContainer as Record<string, unknown> | undefined;

export const OPERATIONS: readonly OperationRow[] = [
  {
    name: "getTransientToken",
    method: "POST",
    path: "/security/token",
    idempotent: true,
    auth: true,
    call: (client, options) => getTransientToken(client, { type: "delegation", scope: "all" }, options),
    isGoodResult: (result) => containerOf(result)?.token === DEMO_TRANSIENT_TOKEN,
    secrets: [DEMO_TRANSIENT_TOKEN],
    inputs: [
      {
        name: "type",
        call: (client, value) => getTransientToken(client, { type: value, scope: "all" } as never),
        sent: (value) => ({ query: { type: value, scope: "all" } }),
      },
      {
        name: "scope",
        call: (client, value) => getTransientToken(client, { type: "delegation", scope: value } as never),
        sent: (value) => ({ query: { type: "delegation", scope: value } }),
      },
    ],
  },
  {
    name: "getSourceConnectionInformation",
    method: "GET",
    path: "/security/resources",
    idempotent: true,
    auth: true,
    call: (client, options) =>
      getSourceConnectionInformation(client, { source: `server://${DEMO_SERVER.clientIdentifier}` }, options),
    isGoodResult: (result) =>
      (containerOf(result)?.Device as { accessToken?: unknown } | undefined)?.accessToken ===
      DEMO_SERVER.accessToken,
    secrets: [DEMO_SERVER.accessToken],
    inputs: [
      {
        name: "source",
        call: (client, value) => getSourceConnectionInformation(client, { source: value }),
        sent: (value) => ({ query: { source: value } }),
      },
      {
        name: "source after server://",
        call: (client, value) => getSourceConnectionInformation(client, { source: `server://${value}` }),
        sent: (value) => ({ query: { source: `server://${value}` } }),
      },
    ],
  },
  {
    name: "getTokenDetails",
    method: "GET",
    path: "/api/v2/user",
    idempotent: true,
    auth: true,
    call: (client, options) => getTokenDetails(client, {}, options),
    isGoodResult: (result) => dataOf(result)?.authToken === DEMO_TOKENS.account,
    secrets: [],
    inputs: [
      {
        // No fields today: whatever the request object holds (a `__proto__` key included) sends nothing more.
        name: "request key",
        call: (client, value) =>
          getTokenDetails(client, JSON.parse(`{${JSON.stringify(value)}:${JSON.stringify(value)}}`) as never),
        sent: () => ({}),
      },
    ],
  },
  {
    name: "postUsersSignInData",
    method: "POST",
    path: "/api/v2/users/signin",
    idempotent: false,
    auth: false,
    call: (client, options) =>
      postUsersSignInData(
        client,
        { requestBody: { login: DEMO_ACCOUNTS.plain.login, password: DEMO_ACCOUNTS.plain.password } },
        options,
      ),
    isGoodResult: (result) => dataOf(result)?.authToken === DEMO_TOKENS.signedIn,
    secrets: [DEMO_ACCOUNTS.plain.password, DEMO_TOKENS.signedIn],
    inputs: [
      {
        name: "login",
        call: (client, value) =>
          postUsersSignInData(client, { requestBody: { login: value, password: "pw" } }),
        sent: (value) => ({ form: { login: value, password: "pw" } }),
      },
      {
        name: "password",
        call: (client, value) =>
          postUsersSignInData(client, { requestBody: { login: "me", password: value } }),
        sent: (value) => ({ form: { login: "me", password: value } }),
      },
      {
        name: "verificationCode",
        call: (client, value) =>
          postUsersSignInData(client, {
            requestBody: { login: "me", password: "pw", verificationCode: value },
          }),
        sent: (value) => ({ form: { login: "me", password: "pw", verificationCode: value } }),
      },
      {
        name: "xPlexClientIdentifier",
        call: (client, value) =>
          postUsersSignInData(client, {
            xPlexClientIdentifier: value,
            requestBody: { login: "me", password: "pw" },
          }),
        sent: (value) => ({
          form: { login: "me", password: "pw" },
          header: ["x-plex-client-identifier", value],
        }),
      },
    ],
  },
  {
    name: "createPin",
    method: "POST",
    path: "/api/v2/pins",
    idempotent: true,
    auth: false,
    call: (client, options) => createPin(client, { strong: true }, options),
    isGoodResult: (result) =>
      typeof dataOf(result)?.id === "number" && typeof dataOf(result)?.code === "string",
    secrets: [],
    inputs: [
      {
        name: "request key",
        call: (client, value) =>
          createPin(client, {
            ...JSON.parse(`{${JSON.stringify(value)}:${JSON.stringify(value)}}`),
            strong: true,
          }),
        sent: () => ({ query: { strong: "true" } }),
      },
    ],
  },
  {
    name: "getPin",
    method: "GET",
    path: `/api/v2/pins/${SEEDED_PIN_ID}`,
    idempotent: true,
    auth: false,
    call: (client, options) => getPin(client, { id: SEEDED_PIN_ID }, options),
    isGoodResult: (result) => dataOf(result)?.id === SEEDED_PIN_ID,
    secrets: [],
    inputs: [
      {
        name: "id (as given)",
        call: (client, value) => getPin(client, { id: value as never }),
        sent: (value) => ({ path: `/api/v2/pins/${value}` }),
      },
      {
        name: "id (as a number)",
        call: (client, value) => getPin(client, { id: Number(value) }),
        sent: (value) => ({ path: `/api/v2/pins/${Number(value)}` }),
      },
    ],
  },
  {
    name: "waitForPinToken",
    method: "GET",
    path: `/api/v2/pins/${SEEDED_PIN_ID}`,
    idempotent: true,
    auth: false,
    call: (client, options) =>
      waitForPinToken(
        client,
        { id: SEEDED_PIN_ID },
        // A caller's longer per-call timeout (the soak's) stretches the whole wait too: one slow poll must fit.
        {
          ...PIN_WAIT,
          timeoutMs: Math.max(PIN_WAIT.timeoutMs, options?.timeoutMs ?? 0),
          signal: options?.signal,
        },
        options,
      ),
    isGoodResult: (result) => result === DEMO_TOKENS.account,
    // The demo answers the first poll "not yet approved" and approves the PIN on the second.
    healthyRequests: 2,
    pollsUntilDeadline: true,
    secrets: [],
    inputs: [
      {
        name: "pin id",
        call: (client, value) => waitForPinToken(client, { id: Number(value) }, PIN_WAIT),
        sent: (value) => ({ path: `/api/v2/pins/${Number(value)}` }),
      },
    ],
    expect: (fault, base) => {
      if (!TRANSIENT_FOR_PIN_WAIT.has(fault)) return base;
      // Polls until its deadline, then PlexTimeoutError; how many polls fit depends on the fault.
      return {
        error: "PlexTimeoutError",
        attempts: 1,
        maxAttempts: Math.ceil(PIN_WAIT.timeoutMs / PIN_WAIT.intervalMs) + 1,
        served: fault === "connection refused" ? 0 : 1,
        maxServed:
          fault === "connection refused" ? 0 : Math.ceil(PIN_WAIT.timeoutMs / PIN_WAIT.intervalMs) + 1,
        minMs: PIN_WAIT.timeoutMs - 20,
        maxMs: PIN_WAIT.timeoutMs + base.maxMs,
      };
    },
  },
  {
    name: "getServerResources",
    method: "GET",
    path: "/api/v2/resources",
    idempotent: true,
    auth: true,
    call: (client, options) => getServerResources(client, {}, options),
    isGoodResult: hasServer,
    secrets: [],
    inputs: [
      {
        name: "request key",
        call: (client, value) =>
          getServerResources(client, JSON.parse(`{${JSON.stringify(value)}:${JSON.stringify(value)}}`)),
        sent: () => ({ query: { includeHttps: "1", includeRelay: "1", includeIPv6: "1" } }),
      },
    ],
  },
  {
    name: "getServers",
    method: "GET",
    path: "/api/v2/resources",
    idempotent: true,
    auth: true,
    call: (client, options) => getServers(client, {}, options),
    isGoodResult: hasServer,
    secrets: [],
    inputs: [],
  },
  {
    name: "ping",
    method: "GET",
    path: "/api/v2/ping",
    idempotent: true,
    auth: true,
    call: (client, options) => ping(client, options),
    isGoodResult: (result) => dataOf(result) !== undefined,
    secrets: [],
    inputs: [],
  },
  {
    name: "validateToken",
    method: "GET",
    path: "/api/v2/user",
    idempotent: true,
    auth: true,
    call: (client, options) => validateToken(client, {}, options),
    isGoodResult: (result) => (result as { valid?: unknown } | undefined)?.valid === true,
    secrets: [],
    inputs: [
      {
        // The token to check travels like the client's own: only as X-Plex-Token.
        name: "token",
        call: (client, value) => validateToken(client, { token: value }),
        sent: (value) => ({ header: ["x-plex-token", value] }),
      },
    ],
    // 401, 422 and 498 are plex.tv's verdict on the token: an answer ({ valid: false }), not an error.
    expect: (fault, base) =>
      ["XML 401 code 1001", "XML 422 Invalid token", "498 token expired"].includes(fault)
        ? { ...base, error: "result" }
        : base,
  },
  {
    name: "findBestConnection",
    method: "GET",
    path: "/identity",
    idempotent: true,
    auth: true,
    call: (client, options) =>
      findBestConnection(client, deviceAt(originOf(client)), probeOptions(client, options)),
    isGoodResult: (result) => typeof (result as { uri?: unknown } | undefined)?.uri === "string",
    secrets: [],
    inputs: [],
    expect: probeExpectation,
    probes: true,
  },
  {
    name: "connectToServer",
    method: "GET",
    path: "/identity",
    idempotent: true,
    auth: true,
    call: (client, options) =>
      connectToServer(new PlexAPI(client), deviceAt(originOf(client)), probeOptions(client, options)),
    isGoodResult: (result) => result instanceof PlexAPI,
    secrets: [],
    inputs: [],
    expect: probeExpectation,
    probes: true,
  },
  {
    name: "getHomeUsers",
    method: "GET",
    path: "/api/v2/home/users",
    idempotent: true,
    auth: true,
    call: (client, options) => getHomeUsers(client, options),
    isGoodResult: (result) => dataOf(result) !== undefined,
    secrets: [],
    inputs: [],
  },
  {
    name: "switchHomeUser",
    method: "POST",
    path: `/api/v2/home/users/${DEMO_HOME.memberUuid}/switch`,
    // Every attempt with a PIN counts against the member's PIN, like a sign-in: never repeated.
    idempotent: false,
    auth: true,
    call: (client, options) =>
      switchHomeUser(client, { uuid: DEMO_HOME.memberUuid, pin: DEMO_HOME.memberPin }, options),
    isGoodResult: (result) => typeof dataOf(result)?.authToken === "string",
    secrets: [DEMO_HOME.memberPin],
    inputs: [
      {
        name: "uuid",
        call: (client, value) => switchHomeUser(client, { uuid: value, pin: DEMO_HOME.memberPin }),
        sent: (value) => ({
          path: `/api/v2/home/users/${encodeURIComponent(value)}/switch`,
          query: { pin: DEMO_HOME.memberPin },
        }),
      },
      {
        name: "pin",
        call: (client, value) => switchHomeUser(client, { uuid: DEMO_HOME.memberUuid, pin: value }),
        sent: (value) => ({ query: { pin: value } }),
      },
    ],
  },
  {
    name: "getPlexJwtKeys",
    method: "GET",
    path: "/api/v2/auth/keys",
    idempotent: true,
    auth: false,
    call: (client, options) => getPlexJwtKeys(client, options),
    isGoodResult: (result) => Array.isArray((dataOf(result) as { keys?: unknown } | undefined)?.keys),
    secrets: [],
    inputs: [],
  },
  {
    name: "registerDeviceKey",
    method: "POST",
    path: "/api/v2/auth/jwk",
    // A repeat after an answer would only turn success into "thumbprint already taken".
    idempotent: false,
    auth: true,
    // A new key each call (the same key registered twice is refused), made beforehand: see freshKey.
    call: async (client, options) => registerDeviceKey(client, { key: await freshKey() }, options),
    isGoodResult: (result) => ((result as { statusCode?: number } | undefined)?.statusCode ?? 999) < 300,
    secrets: [],
    inputs: [],
    // Plex's answer to a registration is not read (any body is fine), so an empty 200 is a success.
    expect: (fault, base) => (fault === "empty 200" ? { ...base, error: "result" } : base),
  },
  {
    // Registers a new key, then exchanges a signed nonce for a JWT: three requests, the first not repeatable.
    name: "refreshJwt",
    method: "POST",
    path: "/api/v2/auth/jwk",
    idempotent: false,
    auth: true,
    call: async (client, options) => {
      // A new key is a new device: its own client identifier, as an app would have (plex.tv limits nonces to 30 a
      // minute per identifier, which a load test would otherwise hit).
      const device = client.withOptions({
        clientIdentifier: `${client.options.clientIdentifier}-${++jwtDevices}`,
      });
      const key = await freshKey();
      await registerDeviceKey(device, { key }, options);
      return refreshJwt(device, { key }, options);
    },
    isGoodResult: (result) => typeof (result as { token?: unknown } | undefined)?.token === "string",
    healthyRequests: 3,
    secrets: [],
    inputs: [],
    // The registration step reads no answer: after an empty 200 the nonce request goes out (and meets the same 200).
    expect: (fault, base) =>
      fault === "empty 200" ? { ...base, attempts: 2, served: 2, error: "PlexValidationError" } : base,
  },
  {
    // Signs a device JWT over a fresh nonce (GET /auth/nonce) for a PIN login that yields a Plex JWT.
    name: "prepareJwtPinLogin",
    method: "GET",
    path: "/api/v2/auth/nonce",
    idempotent: true,
    auth: false,
    call: async (client, options) => {
      const device = client.withOptions({
        clientIdentifier: `${client.options.clientIdentifier}-${++jwtDevices}`,
      });
      return prepareJwtPinLogin(device, { key: await freshKey() }, options);
    },
    isGoodResult: (result) => typeof (result as { deviceJWT?: unknown } | undefined)?.deviceJWT === "string",
    secrets: [],
    inputs: [],
  },
];

/** A client whose plex.tv and media server are both `origin` (the demo's paths do not overlap). */
export function clientFor(origin: string, options: Partial<PlexClientOptions> = {}): PlexClient {
  return createPlexClient({
    clientIdentifier: DEMO_CLIENT_IDENTIFIER,
    accessToken: DEMO_TOKENS.account,
    serverURL: origin,
    plexTvURL: `${origin}/api/v2`,
    // createPin needs it: plex.tv shows it to the user who approves the sign-in.
    product: SUITE_PRODUCT,
    ...options,
  });
}
