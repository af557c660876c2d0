import { inspect } from "node:util";
import { type Logger, PlexValidationError } from "@plex/core";
import { describe, expect, it } from "vitest";
import { getPin } from "../src/get-pin.js";
import { getTokenDetails } from "../src/get-token-details.js";
import { postUsersSignInData } from "../src/post-users-sign-in-data.js";
import { waitForPinToken } from "../src/wait-for-pin-token.js";
import {
  errorsJson,
  invalidTokenXml,
  PIN_AUTH_TOKEN,
  pinJson,
  SIGNED_IN_TOKEN,
  signInJson,
  userJson,
} from "./support/fixtures.js";
import {
  ACCESS_TOKEN,
  json,
  PLEX_TV_URL,
  rejection,
  testClient,
  useMockPlex,
  xml,
} from "./support/mock-plex.js";

const mock = useMockPlex();
const PASSWORD = "hunter2&secret=%F0";

/** A logger that keeps every line, flattened to text, so a secret anywhere in it is found. */
function recordingLogger(): Logger & { text(): string } {
  const lines: string[] = [];
  return {
    debug(message, details) {
      lines.push(`${message} ${JSON.stringify(details ?? {})}`);
    },
    text: () => lines.join("\n"),
  };
}

describe("secrets stay out of logs and errors, end to end through the operations", () => {
  it("sign-in: neither the password, the configured token nor the returned authToken is logged", async () => {
    mock.answer(`${PLEX_TV_URL}/users/signin`, () => json(signInJson, 201));
    const logger = recordingLogger();

    await postUsersSignInData(testClient({ logger }), {
      requestBody: { login: "l@example.org", password: PASSWORD },
    });

    expect(logger.text()).toContain("signin");
    for (const secret of [PASSWORD, ACCESS_TOKEN, SIGNED_IN_TOKEN])
      expect(logger.text()).not.toContain(secret);
  });

  it("failed sign-in: the error, its JSON and its inspect output carry no password or token", async () => {
    mock.answer(`${PLEX_TV_URL}/users/signin`, () =>
      json({ ...errorsJson(1001, "User could not be authenticated", 401), echo: PASSWORD }, 401),
    );
    const logger = recordingLogger();

    const error = await rejection(
      postUsersSignInData(testClient({ logger }), {
        requestBody: { login: "l@example.org", password: PASSWORD },
      }),
    );

    const views = [String(error), JSON.stringify(error), inspect(error, { depth: 5 }), logger.text()];
    for (const view of views) {
      expect(view).not.toContain(PASSWORD);
      expect(view).not.toContain(ACCESS_TOKEN);
    }
  });

  it("token details: a revoked token is neither logged nor in the error", async () => {
    mock.answer(`${PLEX_TV_URL}/user`, () => xml(invalidTokenXml, 422));
    const logger = recordingLogger();

    const error = await rejection(getTokenDetails(testClient({ logger })));

    for (const view of [String(error), JSON.stringify(error), inspect(error, { depth: 5 }), logger.text()]) {
      expect(view).not.toContain(ACCESS_TOKEN);
    }
  });

  it("token details: the account's authToken in a successful answer is not logged", async () => {
    mock.answer(`${PLEX_TV_URL}/user`, () => json(userJson));
    const logger = recordingLogger();

    const res = await getTokenDetails(testClient({ logger }));

    expect(logger.text().length).toBeGreaterThan(0);
    expect(logger.text()).not.toContain(res.data.authToken);
  });
});

describe("PIN login keeps the approved token out of logs and errors", () => {
  it("waitForPinToken: the authToken of the approved PIN is in no log line", async () => {
    mock.answer(`${PLEX_TV_URL}/pins/424242`, () => json(pinJson({ authToken: PIN_AUTH_TOKEN })));
    const logger = recordingLogger();

    const token = await waitForPinToken(testClient({ logger }), { id: 424242 });

    expect(token).toBe(PIN_AUTH_TOKEN);
    expect(logger.text()).toContain("pins/424242");
    expect(logger.text()).not.toContain(PIN_AUTH_TOKEN);
  });

  it("a malformed PIN answer: the validation error shows no authToken", async () => {
    mock.answer(`${PLEX_TV_URL}/pins/424242`, () => json({ id: 424242, authToken: PIN_AUTH_TOKEN }));

    const error = await rejection(getPin(testClient(), { id: 424242 }));

    expect(error).toBeInstanceOf(PlexValidationError);
    for (const view of [String(error), JSON.stringify(error), inspect(error, { depth: 5 })]) {
      expect(view).not.toContain(PIN_AUTH_TOKEN);
    }
  });
});
