import {
  createPlexClient,
  type PlexClientOptions,
  PlexInvalidRequestError,
  PlexUnauthorizedError,
} from "@plex/core";
import {
  errorsJson,
  errorsXml,
  SOURCE_ACCESS_TOKEN,
  sourceConnectionJson,
  sourceConnectionXml,
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

import { getSourceConnectionInformation } from "./get-source-connection-information.js";

const mock = useRecordingServer();
const RESOURCES = `${PMS_URL}/security/resources`;

describe("getSourceConnectionInformation", () => {
  it("GETs /security/resources?source=… with the token and every X-Plex header", async () => {
    mock.answer(RESOURCES, () => json(sourceConnectionJson));

    const res = await getSourceConnectionInformation(testClient(), { source: "server://a1b2c3" });

    const [sent] = mock.seen;
    expect(mock.seen).toHaveLength(1);
    expect(sent?.method).toBe("GET");
    expect(sent?.url.pathname).toBe("/security/resources");
    expect([...(sent?.url.searchParams ?? [])]).toEqual([["source", "server://a1b2c3"]]);
    expect(xPlexHeaders(sent!.headers)).toEqual({
      ...EXPECTED_IDENTITY_HEADERS,
      "x-plex-token": ACCESS_TOKEN,
    });
    expect(res.data.MediaContainer.Device.accessToken).toBe(SOURCE_ACCESS_TOKEN);
    expect(res.data.MediaContainer.Device.Connection).toHaveLength(2);
    expectTypeOf(res.data.MediaContainer.Device.accessToken).toEqualTypeOf<string>();
    expectTypeOf(res.data.MediaContainer.Device.Connection).toBeArray();
  });

  it("keeps a source containing & = # ? % and + as one query value instead of injecting parameters", async () => {
    mock.answer(RESOURCES, () => json(sourceConnectionJson));
    const source = "server://x&refresh=1&X-Plex-Token=stolen#frag?q=%20y+z";

    await getSourceConnectionInformation(testClient(), { source });

    const url = mock.seen[0]!.url;
    expect(url.searchParams.getAll("source")).toEqual([source]);
    expect([...url.searchParams.keys()]).toEqual(["source"]);
    expect(url.hash).toBe("");
  });

  it.each([
    [true, "1"],
    [false, "0"],
  ])("sends refresh=%s as %s", async (refresh, expected) => {
    mock.answer(RESOURCES, () => json(sourceConnectionJson));

    await getSourceConnectionInformation(testClient(), { source: "server://a1b2c3", refresh });

    expect(mock.seen[0]?.url.searchParams.get("refresh")).toBe(expected);
  });

  it("reads the XML form, with a single <Connection>, into a Device holding a Connection array", async () => {
    mock.answer(RESOURCES, () => xml(sourceConnectionXml));

    const res = await getSourceConnectionInformation(testClient(), { source: "server://a1b2c3" });

    expect(res.data.MediaContainer.Device).toMatchObject({
      name: "Attic Server",
      accessToken: SOURCE_ACCESS_TOKEN,
    });
    expect(res.data.MediaContainer.Device.Connection).toEqual([
      expect.objectContaining({ address: "10.20.30.40", port: 32400, local: true }),
    ]);
  });

  it.each([{}, { source: "" }, { source: 42 }])(
    "rejects %j with PlexInvalidRequestError before sending",
    async (bad) => {
      const error = await rejection(getSourceConnectionInformation(testClient(), bad as never));

      expect(error).toBeInstanceOf(PlexInvalidRequestError);
      expect(mock.seen).toHaveLength(0);
    },
  );

  it.each([
    ["JSON", () => json(errorsJson(1001, "User could not be authenticated", 401), 401)],
    ["XML", () => xml(errorsXml(1001, "User could not be authenticated", 401), 401)],
  ])("maps a 401 (%s) to PlexUnauthorizedError", async (_, reply) => {
    mock.answer(RESOURCES, reply);

    const error = await rejection(
      getSourceConnectionInformation(testClient(), { source: "server://a1b2c3" }),
    );

    expect(error).toBeInstanceOf(PlexUnauthorizedError);
    expect((error as PlexUnauthorizedError).code).toBe(1001);
  });
});
