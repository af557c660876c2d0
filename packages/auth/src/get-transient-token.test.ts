import {
  createPlexClient,
  PlexAPIError,
  type PlexClientOptions,
  PlexInvalidRequestError,
  PlexUnauthorizedError,
} from "@plex/core";
import {
  errorsJson,
  errorsXml,
  TRANSIENT_TOKEN,
  transientTokenJson,
  transientTokenXml,
} from "@plex/demo-plex/fixtures";
import {
  TEST_ACCESS_TOKEN as ACCESS_TOKEN,
  EXPECTED_IDENTITY_HEADERS,
  json,
  TEST_PMS_URL as PMS_URL,
  rejection,
  TEST_CLIENT_OPTIONS,
  useRecordingServer,
  xml,
  xPlexHeaders,
} from "@plex/demo-plex/recording";
import { describe, expect, expectTypeOf, it } from "vitest";

const testClient = (overrides: Partial<PlexClientOptions> = {}) =>
  createPlexClient({ ...TEST_CLIENT_OPTIONS, ...overrides });

import { getTransientToken } from "./get-transient-token.js";

const mock = useRecordingServer();
const request = { type: "delegation", scope: "all" } as const;

describe("getTransientToken", () => {
  it("POSTs /security/token?type=delegation&scope=all on the server with the token and every X-Plex header", async () => {
    mock.answer(`${PMS_URL}/security/token`, () => json(transientTokenJson));

    const res = await getTransientToken(testClient(), request);

    expect(mock.seen).toHaveLength(1);
    const [sent] = mock.seen;
    expect(sent?.method).toBe("POST");
    expect(`${sent?.url.origin}${sent?.url.pathname}`).toBe(`${PMS_URL}/security/token`);
    expect([...(sent?.url.searchParams ?? [])]).toEqual([
      ["type", "delegation"],
      ["scope", "all"],
    ]);
    expect(xPlexHeaders(sent!.headers)).toEqual({
      ...EXPECTED_IDENTITY_HEADERS,
      "x-plex-token": ACCESS_TOKEN,
    });
    expect(sent?.body).toBe("");
    expect(res.statusCode).toBe(200);
    expect(res.data.MediaContainer.token).toBe(TRANSIENT_TOKEN);
    expectTypeOf(res.data.MediaContainer.token).toEqualTypeOf<string>();
  });

  it("reads the XML form of the answer into the same shape", async () => {
    mock.answer(`${PMS_URL}/security/token`, () => xml(transientTokenXml));

    const res = await getTransientToken(testClient(), request);

    expect(res.data.MediaContainer).toMatchObject({ token: TRANSIENT_TOKEN, size: 0 });
  });

  it("sends to options.serverURL for this call only", async () => {
    mock.answer("http://other-pms.test:32401/security/token", () => json(transientTokenJson));

    await getTransientToken(testClient(), request, { serverURL: "http://other-pms.test:32401" });

    expect(mock.seen[0]?.url.host).toBe("other-pms.test:32401");
  });

  it.each([{ type: "other", scope: "all" }, { type: "delegation", scope: "some" }, { scope: "all" }])(
    "rejects %j with PlexInvalidRequestError before sending anything",
    async (bad) => {
      const error = await rejection(getTransientToken(testClient(), bad as never));

      expect(error).toBeInstanceOf(PlexInvalidRequestError);
      expect(mock.seen).toHaveLength(0);
    },
  );

  it("is retried after a 503, because a second transient token is harmless", async () => {
    let calls = 0;
    mock.answer(`${PMS_URL}/security/token`, () => {
      calls += 1;
      return calls === 1 ? new Response("busy", { status: 503 }) : json(transientTokenJson);
    });

    const client = testClient({
      retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
    });
    const res = await getTransientToken(client, request);

    expect(res.data.MediaContainer.token).toBe(TRANSIENT_TOKEN);
    expect(mock.seen).toHaveLength(2);
  });

  it.each([
    ["JSON", () => json(errorsJson(1001, "User could not be authenticated", 401), 401)],
    ["XML", () => xml(errorsXml(1001, "User could not be authenticated", 401), 401)],
  ])("maps a 401 (%s) to PlexUnauthorizedError without leaking the token", async (_, reply) => {
    mock.answer(`${PMS_URL}/security/token`, reply);

    const error = await rejection(getTransientToken(testClient(), request));

    expect(error).toBeInstanceOf(PlexUnauthorizedError);
    expect((error as PlexUnauthorizedError).message).toContain("User could not be authenticated");
    expect((error as PlexUnauthorizedError).message).not.toContain(ACCESS_TOKEN);
  });

  it("maps the HTML 403 PMS sends for a token it will not delegate to a PlexAPIError with the status", async () => {
    mock.answer(
      `${PMS_URL}/security/token`,
      () => new Response("<html>Forbidden</html>", { status: 403, headers: { "Content-Type": "text/html" } }),
    );

    const error = await rejection(getTransientToken(testClient(), request));

    expect(error).toBeInstanceOf(PlexAPIError);
    expect((error as PlexAPIError).statusCode).toBe(403);
  });
});
