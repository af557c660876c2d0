import {
  createPlexClient,
  type PlexClientOptions,
  PlexInvalidRequestError,
  PlexUnauthorizedError,
  PlexValidationError,
} from "@plex/core";
import {
  ACCOUNT_AUTH_TOKEN,
  errorsJson,
  errorsXml,
  invalidTokenXml,
  userJson,
  userXml,
} from "@plex/demo-plex/fixtures";
import {
  TEST_ACCESS_TOKEN as ACCESS_TOKEN,
  EXPECTED_IDENTITY_HEADERS,
  json,
  TEST_PLEX_TV_URL as PLEX_TV_URL,
  rejection,
  TEST_CLIENT_OPTIONS,
  useRecordingServer,
  xml,
  xPlexHeaders,
} from "@plex/demo-plex/recording";
import { describe, expect, expectTypeOf, it } from "vitest";

const testClient = (overrides: Partial<PlexClientOptions> = {}) =>
  createPlexClient({ ...TEST_CLIENT_OPTIONS, ...overrides });

import { getTokenDetails } from "./get-token-details.js";

const mock = useRecordingServer();
const USER = `${PLEX_TV_URL}/user`;

describe("getTokenDetails", () => {
  it("GETs https://plex.tv/api/v2/user with the token and every X-Plex header, not the PMS", async () => {
    mock.answer(USER, () => json(userJson));

    const res = await getTokenDetails(testClient());

    const [sent] = mock.seen;
    expect(mock.seen).toHaveLength(1);
    expect(sent?.method).toBe("GET");
    expect(sent?.url.href).toBe(USER);
    expect(xPlexHeaders(sent!.headers)).toEqual({
      ...EXPECTED_IDENTITY_HEADERS,
      "x-plex-token": ACCESS_TOKEN,
    });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ username: "river.tester", authToken: ACCOUNT_AUTH_TOKEN, id: 777001 });
    expectTypeOf(res.data.authToken).toEqualTypeOf<string>();
  });

  it("reads the XML account (attributes are strings) into the same typed values as JSON", async () => {
    mock.answer(USER, () => xml(userXml));
    const fromXml = (await getTokenDetails(testClient())).data;
    mock.answer(USER, () => json(userJson));
    const fromJson = (await getTokenDetails(testClient())).data;

    for (const key of [
      "id",
      "uuid",
      "username",
      "email",
      "authToken",
      "confirmed",
      "home",
      "homeSize",
    ] as const) {
      expect(fromXml[key], key).toEqual(fromJson[key]);
    }
  });

  it("replaces https://plex.tv/api/v2 with options.serverURL for this call", async () => {
    mock.answer("http://plex-proxy.test/api/v2/user", () => json(userJson));

    await getTokenDetails(testClient(), {}, { serverURL: "http://plex-proxy.test/api/v2" });

    expect(mock.seen[0]?.url.href).toBe("http://plex-proxy.test/api/v2/user");
  });

  it("asks a token function for the token at call time", async () => {
    mock.answer(USER, () => json(userJson));

    await getTokenDetails(testClient({ accessToken: async () => "fresh-token-from-store" }));

    expect(mock.seen[0]?.headers.get("x-plex-token")).toBe("fresh-token-from-store");
  });

  it("refuses to send without a token configured", async () => {
    const error = await rejection(getTokenDetails(testClient({ accessToken: undefined })));

    expect(error).toBeInstanceOf(PlexInvalidRequestError);
    expect(mock.seen).toHaveLength(0);
  });

  it("maps a revoked token (422 'Invalid token', XML) to PlexUnauthorizedError without leaking the token", async () => {
    mock.answer(USER, () => xml(invalidTokenXml, 422));

    const error = await rejection(getTokenDetails(testClient()));

    expect(error).toBeInstanceOf(PlexUnauthorizedError);
    const unauthorized = error as PlexUnauthorizedError;
    expect(unauthorized.statusCode).toBe(422);
    expect(unauthorized.message).toContain("Invalid token");
    expect(unauthorized.message).not.toContain(ACCESS_TOKEN);
  });

  it.each([
    ["JSON", () => json(errorsJson(1001, "User could not be authenticated", 401), 401)],
    ["XML", () => xml(errorsXml(1001, "User could not be authenticated", 401), 401)],
  ])("maps 401 code 1001 (%s) to PlexUnauthorizedError with Plex's message", async (_, reply) => {
    mock.answer(USER, reply);

    const error = await rejection(getTokenDetails(testClient()));

    expect(error).toBeInstanceOf(PlexUnauthorizedError);
    expect((error as PlexUnauthorizedError).code).toBe(1001);
    expect((error as PlexUnauthorizedError).message).toContain("User could not be authenticated");
  });

  it("reports an answer that is not an account as PlexValidationError", async () => {
    mock.answer(USER, () => json({ hello: "world" }));

    const error = await rejection(getTokenDetails(testClient()));

    expect(error).toBeInstanceOf(PlexValidationError);
  });
});
