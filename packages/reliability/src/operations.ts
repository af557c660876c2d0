import {
  createPin,
  createPlexClient,
  getPin,
  getSourceConnectionInformation,
  getTokenDetails,
  getTransientToken,
  type PlexClient,
  type PlexClientOptions,
  postUsersSignInData,
  type RequestOptions,
  waitForPinToken,
} from "@plex/auth";
import {
  DEMO_ACCOUNTS,
  DEMO_CLIENT_IDENTIFIER,
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
/** How the rows wait for a PIN: polls 100 ms apart, for at most a second. */
export const PIN_WAIT = { intervalMs: 100, timeoutMs: 1_000 } as const;

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
      waitForPinToken(client, { id: SEEDED_PIN_ID }, { ...PIN_WAIT, signal: options?.signal }, options),
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
