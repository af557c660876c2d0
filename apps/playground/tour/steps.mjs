// @ts-check
import { DEMO_ACCOUNTS, DEMO_SERVER, DEMO_TOKENS } from "@plex/demo-plex";
import { maskSecret } from "./format.mjs";
import { demoServerSteps, liveServerSteps } from "./server-steps.mjs";

/**
 * @typedef {import("@plex/auth").PlexAPI} PlexAPI
 * @typedef {import("@plex/auth").PlexResponse<unknown>} AnyResponse
 *
 * @typedef {object} Step
 * @property {string} operation  The SDK method.
 * @property {string} scenario   What this run shows.
 * @property {string} expect     "ok", or the error class this scenario must end with.
 * @property {() => Promise<{ statusCode: number; data: unknown }>} run
 * @property {(data: unknown) => string} key  The one-line key result of a success.
 * @property {(data: unknown) => string} [details]  More lines printed after the table (a probe table).
 */

/** @param {unknown} value @param {string[]} path @returns {unknown} */
function pick(value, path) {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = /** @type {Record<string, unknown>} */ (current)[key];
  }
  return current;
}

/** @param {unknown} data */
export function transientKey(data) {
  const token = pick(data, ["MediaContainer", "token"]);
  return typeof token === "string" ? `transient token ${maskSecret(token)}` : "no token in the answer";
}

/** @param {unknown} data */
export function sourceKey(data) {
  const device = pick(data, ["MediaContainer", "Device"]);
  const connections = pick(device, ["Connection"]);
  const count = Array.isArray(connections) ? connections.length : 0;
  return `1 device (${String(pick(device, ["name"]))}), ${count} connection${count === 1 ? "" : "s"}`;
}

/** @param {unknown} data */
export function userKey(data) {
  return `username ${String(pick(data, ["username"]))}`;
}

/** @param {unknown} data */
export function signInKey(data) {
  const token = pick(data, ["authToken"]);
  return `${userKey(data)}, authToken ${typeof token === "string" ? maskSecret(token) : "missing"}`;
}

const noKey = () => "";

/** @param {unknown} data */
export function pinKey(data) {
  const code = pick(data, ["code"]);
  const expiresIn = pick(data, ["expiresIn"]);
  return `code ${String(code)} for plex.tv/link, expires in ${String(expiresIn)} s`;
}

/** @param {unknown} data */
export function approvedPinKey(data) {
  const token = pick(data, ["authToken"]);
  return `approved: authToken ${typeof token === "string" ? maskSecret(token) : "missing"}`;
}

/**
 * Sign in with Plex, TV style: a short code for plex.tv/link, then wait until someone enters it. `show` prints the
 * code (live: the user types it at plex.tv/link; the demo approves on its own after a poll). The row's answer is a
 * last getPin, so the table shows the approved PIN as plex.tv sent it.
 * @param {PlexAPI} plex
 * @param {{ show?: (code: string, expiresIn: unknown) => void; intervalMs?: number }} [options]
 * @returns {() => Promise<AnyResponse>}
 */
export function pinLogin(plex, options = {}) {
  return async () => {
    const { data: pin } = await plex.authentication.createPin();
    options.show?.(pin.code, pin.expiresIn);
    await plex.authentication.waitForPinToken(pin, { intervalMs: options.intervalMs ?? 1000 });
    return plex.authentication.getPin({ id: pin.id });
  };
}

/**
 * Every operation on the happy path, then each failure scenario of the demo table.
 * @param {PlexAPI} plex  A client with the demo account token.
 * @returns {Step[]}
 */
export function demoSteps(plex) {
  const auth = plex.authentication;
  const revoked = plex.withAccessToken(DEMO_TOKENS.revoked).authentication;
  const unknown = plex.withAccessToken("not-a-demo-token").authentication;
  /** @param {{ login: string; password: string; verificationCode?: string }} body */
  const signIn = (body) => auth.postUsersSignInData({ requestBody: body });
  return [
    {
      operation: "getTransientToken",
      scenario: "account token",
      expect: "ok",
      run: () => auth.getTransientToken({ type: "delegation", scope: "all" }),
      key: transientKey,
    },
    {
      operation: "getSourceConnectionInformation",
      scenario: "demo server",
      expect: "ok",
      run: () => auth.getSourceConnectionInformation({ source: `server://${DEMO_SERVER.clientIdentifier}` }),
      key: sourceKey,
    },
    {
      operation: "getTokenDetails",
      scenario: "account token",
      expect: "ok",
      run: () => auth.getTokenDetails(),
      key: userKey,
    },
    {
      operation: "postUsersSignInData",
      scenario: "plain account",
      expect: "ok",
      run: () => signIn(DEMO_ACCOUNTS.plain),
      key: signInKey,
    },
    {
      operation: "getTokenDetails",
      scenario: "signed-in token",
      expect: "ok",
      run: () => plex.withAccessToken(DEMO_TOKENS.signedIn).authentication.getTokenDetails(),
      key: userKey,
    },
    {
      operation: "postUsersSignInData",
      scenario: "2FA with code",
      expect: "ok",
      run: () => signIn(DEMO_ACCOUNTS.twoFactor),
      key: signInKey,
    },
    {
      operation: "postUsersSignInData",
      scenario: "2FA without code",
      expect: "PlexTwoFactorRequiredError",
      run: () => signIn({ login: DEMO_ACCOUNTS.twoFactor.login, password: DEMO_ACCOUNTS.twoFactor.password }),
      key: noKey,
    },
    {
      operation: "postUsersSignInData",
      scenario: "wrong password",
      expect: "PlexUnauthorizedError",
      run: () => signIn({ login: DEMO_ACCOUNTS.plain.login, password: "not-the-password" }),
      key: noKey,
    },
    {
      operation: "postUsersSignInData",
      scenario: "rate limited",
      expect: "PlexRateLimitError",
      run: () => signIn(DEMO_ACCOUNTS.rateLimited),
      key: noKey,
    },
    {
      operation: "postUsersSignInData",
      scenario: "locked out",
      expect: "PlexUnauthorizedError",
      run: () => signIn(DEMO_ACCOUNTS.locked),
      key: noKey,
    },
    {
      operation: "getTokenDetails",
      scenario: "revoked token",
      expect: "PlexUnauthorizedError",
      run: () => revoked.getTokenDetails(),
      key: noKey,
    },
    {
      operation: "getTransientToken",
      scenario: "unknown token",
      expect: "PlexUnauthorizedError",
      run: () => unknown.getTransientToken({ type: "delegation", scope: "all" }),
      key: noKey,
    },
    {
      operation: "createPin",
      scenario: "plex.tv/link code",
      expect: "ok",
      run: () => auth.createPin(),
      key: pinKey,
    },
    {
      operation: "waitForPinToken",
      scenario: "demo approves",
      expect: "ok",
      run: pinLogin(plex, { intervalMs: 200 }),
      key: approvedPinKey,
    },
    {
      operation: "getPin",
      scenario: "unknown PIN",
      expect: "PlexPinExpiredError",
      run: () => auth.getPin({ id: 1 }),
      key: noKey,
    },
    ...demoServerSteps(plex),
  ];
}

/**
 * Against a real server: the same operations, all expected to succeed.
 * @param {PlexAPI} plex
 * @param {{ source: () => Promise<string>; login?: string | undefined; password?: string | undefined; code?: string | undefined }} live
 * @returns {Step[]}
 */
export function liveSteps(plex, live) {
  const auth = plex.authentication;
  /** @type {Step[]} */
  const steps = [
    {
      operation: "getTransientToken",
      scenario: "your token",
      expect: "ok",
      run: () => auth.getTransientToken({ type: "delegation", scope: "all" }),
      key: transientKey,
    },
    {
      operation: "getSourceConnectionInformation",
      scenario: "your server",
      expect: "ok",
      run: async () => auth.getSourceConnectionInformation({ source: await live.source() }),
      key: sourceKey,
    },
    {
      operation: "getTokenDetails",
      scenario: "your token",
      expect: "ok",
      run: () => auth.getTokenDetails(),
      key: userKey,
    },
    ...liveServerSteps(plex),
  ];
  const { login, password, code } = live;
  if (login !== undefined && password !== undefined) {
    steps.push({
      operation: "postUsersSignInData",
      scenario: code === undefined ? "your login" : "your login + 2FA code",
      expect: "ok",
      run: () =>
        auth.postUsersSignInData({
          requestBody: { login, password, ...(code === undefined ? {} : { verificationCode: code }) },
        }),
      key: signInKey,
    });
  }
  return steps;
}
