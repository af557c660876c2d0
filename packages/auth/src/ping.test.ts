import { PlexUnauthorizedError } from "@plex/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import { invalidTokenXml } from "../test/support/fixtures.js";
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
import { ping } from "./ping.js";

const mock = useMockPlex();
const PING = `${PLEX_TV_URL}/ping`;

describe("ping", () => {
  it("GETs https://plex.tv/api/v2/ping with the token and reads <pong>true</pong>", async () => {
    mock.answer(PING, () => xml('<?xml version="1.0" encoding="UTF-8"?>\n<pong>true</pong>'));

    const res = await ping(testClient());

    expect(res.data).toBe(true);
    expect(mock.seen[0]?.method).toBe("GET");
    expect(mock.seen[0]?.url.href).toBe(PING);
    expect(xPlexHeaders(mock.seen[0]!.headers)).toEqual({
      ...EXPECTED_IDENTITY_HEADERS,
      "x-plex-token": ACCESS_TOKEN,
    });
    expectTypeOf(res.data).toEqualTypeOf<boolean>();
  });

  it("reads a JSON answer too", async () => {
    mock.answer(PING, () => json({ pong: true }));
    expect((await ping(testClient())).data).toBe(true);
  });

  it("a revoked token is a PlexUnauthorizedError", async () => {
    mock.answer(PING, () => xml(invalidTokenXml, 422));
    expect(await rejection(ping(testClient()))).toBeInstanceOf(PlexUnauthorizedError);
  });
});
