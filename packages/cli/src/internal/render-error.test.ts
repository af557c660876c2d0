import {
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
} from "@plex/auth";
import { describe, expect, it } from "vitest";
import { CancelledError, UsageError } from "./cli-error.js";
import { renderError } from "./render-error.js";

type PlexAPIErrorInit = ConstructorParameters<typeof PlexAPIError>[0];

const SECRET = "secret-token-1234";
const init = (statusCode: number, code: number | undefined, message: string): PlexAPIErrorInit => ({
  statusCode,
  code,
  message,
  plexErrors: [],
  body: "",
  headers: new Headers(),
});

// One of every error class the SDK exports, with a message that (wrongly) carries the token, to prove it is scrubbed.
const cases: [string, unknown, number, RegExp][] = [
  [
    "2FA",
    new PlexTwoFactorRequiredError(init(401, 1029, "need code")),
    1,
    /two-factor authentication .* --code/,
  ],
  ["429", new PlexRateLimitError({ ...init(429, 1003, "slow"), retryAfterMs: 30_000 }), 1, /wait 30 s/],
  ["1031", new PlexUnauthorizedError(init(401, 1031, "locked")), 1, /locked sign-ins .*\(PIN\)/],
  [
    "401",
    new PlexUnauthorizedError(init(401, 1001, `bad ${SECRET}`)),
    1,
    /refused the token .*plex-auth login/,
  ],
  ["498", new PlexTokenExpiredError(init(498, undefined, "expired")), 1, /JWT has expired .* login --jwt/],
  [
    "jwk taken",
    new PlexDeviceKeyTakenError(init(422, undefined, "thumbprint")),
    1,
    /already has this device key/,
  ],
  ["1041", new PlexHomePinRequiredError(init(403, 1041, "pin")), 1, /protected by a PIN/],
  ["1020", new PlexPinExpiredError(init(404, 1020, "gone")), 1, /HTTP 404 \(code 1020\)/],
  [
    "500",
    new PlexAPIError(init(500, undefined, `oops ${SECRET}`)),
    1,
    /Plex answered HTTP 500: oops \[REDACTED\]/,
  ],
  [
    "refused",
    new PlexConnectionError("x", { host: "h:1", cause: { code: "ECONNREFUSED" } }),
    1,
    /h:1 \(ECONNREFUSED\)/,
  ],
  ["timeout", new PlexTimeoutError("t", { timeoutMs: 30_000 }), 1, /No answer within 30 s/],
  ["validation", new PlexValidationError("bad shape", { issues: [] }), 1, /does not understand/],
  ["jwt", new PlexInvalidJwtError("sig", { check: "signature" }), 1, /signature check/],
  ["invalid request", new PlexInvalidRequestError("pin: must be 4 digits"), 64, /must be 4 digits/],
  ["abort", new PlexAbortError("aborted"), 130, /^Cancelled: nothing was stored\.$/],
  ["ctrl-c", new CancelledError(), 130, /^Cancelled/],
  ["usage", new UsageError("Unknown command"), 64, /^Unknown command$/],
  ["base", new PlexError(`odd ${SECRET}`), 1, /^odd \[REDACTED\]$/],
  ["not ours", new TypeError("boom"), 1, /^Unexpected error: boom\. Please report it\.$/],
];

describe("renderError", () => {
  it.each(cases)(
    "%s: one line saying what happened and what to do, exit %i",
    (_name, error, exitCode, text) => {
      const rendered = renderError(error, "token", [SECRET]);
      expect(rendered.exitCode).toBe(exitCode);
      expect(rendered.message).toMatch(text);
      expect(rendered.message).not.toContain("\n");
      expect(rendered.message).not.toContain(SECRET);
    },
  );

  it("reads a 401 at sign-in as a wrong login or password", () => {
    const rendered = renderError(new PlexUnauthorizedError(init(401, 1001, "nope")), "sign-in");
    expect(rendered.message).toMatch(/did not accept the login or password/);
  });
});
