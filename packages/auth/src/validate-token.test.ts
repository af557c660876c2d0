import {
  PlexAPIError,
  PlexConnectionError,
  PlexRateLimitError,
  PlexTimeoutError,
  PlexUnauthorizedError,
} from "@plex/core";
import { delay, HttpResponse, http, passthrough } from "msw";
import { describe, expect, expectTypeOf, it } from "vitest";
import { errorsJson, errorsXml, invalidTokenXml, userJson } from "../test/support/fixtures.js";
import {
  ACCESS_TOKEN,
  EXPECTED_IDENTITY_HEADERS,
  json,
  PLEX_TV_URL,
  rejection,
  testClient,
  useMockPlex,
  xml,
  xPlexHeaders,
} from "../test/support/mock-plex.js";
import { refusedUri } from "../test/support/probe-servers.js";
import { type ValidateTokenResult, validateToken } from "./validate-token.js";

const mock = useMockPlex();
const USER = `${PLEX_TV_URL}/user`;

describe("validateToken", () => {
  it("a good token: valid, with the account, from GET /api/v2/user with the token and identity headers", async () => {
    mock.answer(USER, () => json(userJson));

    const result = await validateToken(testClient());

    expect(result).toMatchObject({ valid: true, account: { username: "river.tester" } });
    expect(mock.seen[0]?.method).toBe("GET");
    expect(mock.seen[0]?.url.href).toBe(USER);
    expect(xPlexHeaders(mock.seen[0]!.headers)).toEqual({
      ...EXPECTED_IDENTITY_HEADERS,
      "x-plex-token": ACCESS_TOKEN,
    });
    expectTypeOf(result).toEqualTypeOf<ValidateTokenResult>();
  });

  it("checks another token when given one, leaving the client's alone", async () => {
    mock.answer(USER, () => json(userJson));

    await validateToken(testClient(), { token: "other-token-to-check" });

    expect(mock.seen[0]?.headers.get("x-plex-token")).toBe("other-token-to-check");
  });

  it("a revoked token (422, XML <error>Invalid token</error>): invalid, with Plex's message", async () => {
    mock.answer(USER, () => xml(invalidTokenXml, 422));

    const result = await validateToken(testClient());

    expect(result).toEqual({
      valid: false,
      reason: { statusCode: 422, code: undefined, message: "Invalid token" },
    });
  });

  it("an unknown token (401 code 1001): invalid, with the code and message", async () => {
    mock.answer(USER, () => json(errorsJson(1001, "User could not be authenticated", 401), 401));

    const result = await validateToken(testClient());

    expect(result).toEqual({
      valid: false,
      reason: { statusCode: 401, code: 1001, message: "User could not be authenticated" },
    });
  });

  it("plex.tv unreachable (connection refused): throws PlexConnectionError, never says invalid", async () => {
    const down = await refusedUri();
    mock.server.use(http.all(`${down}/*`, () => passthrough())); // a real socket, refused by the OS
    const error = await rejection(validateToken(testClient({ plexTvURL: `${down}/api/v2` })));
    expect(error).toBeInstanceOf(PlexConnectionError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });

  it("503: throws the PlexAPIError", async () => {
    mock.answer(USER, () => new HttpResponse("Service Unavailable", { status: 503 }));
    const error = await rejection(validateToken(testClient()));
    expect(error).toBeInstanceOf(PlexAPIError);
    expect(error).not.toBeInstanceOf(PlexUnauthorizedError);
    expect((error as PlexAPIError).statusCode).toBe(503);
  });

  it("429 code 1003: throws PlexRateLimitError", async () => {
    mock.answer(USER, () => xml(errorsXml(1003, "Too many requests", 429), 429));
    expect(await rejection(validateToken(testClient()))).toBeInstanceOf(PlexRateLimitError);
  });

  it("a timeout: throws PlexTimeoutError", async () => {
    mock.answer(USER, async () => {
      await delay(2000);
      return json(userJson);
    });
    expect(await rejection(validateToken(testClient(), {}, { timeoutMs: 50 }))).toBeInstanceOf(
      PlexTimeoutError,
    );
  });
});
