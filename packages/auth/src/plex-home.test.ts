import { inspect } from "node:util";
import {
  createPlexClient,
  type Logger,
  type PlexClientOptions,
  PlexHomePinRequiredError,
  PlexInvalidRequestError,
  PlexUnauthorizedError,
} from "@plex/core";
import {
  TEST_ACCESS_TOKEN as ACCESS_TOKEN,
  EXPECTED_IDENTITY_HEADERS,
  json,
  TEST_PLEX_TV_URL as PLEX_TV_URL,
  rejection,
  TEST_CLIENT_OPTIONS,
  useRecordingServer as useMockPlex,
  xml,
  xPlexHeaders,
} from "@plex/demo-plex/recording";
import { describe, expect, it } from "vitest";
import { getHomeUsers } from "./get-home-users.js";
import { PlexAPI } from "./plex-api.js";
import { switchHomeUser } from "./switch-home-user.js";

const testClient = (overrides: Partial<PlexClientOptions> = {}) =>
  createPlexClient({ ...TEST_CLIENT_OPTIONS, ...overrides });

const mock = useMockPlex();
const MEMBER = "5e1f0c2a9b7d4e33";
const SWITCH = `${PLEX_TV_URL}/home/users/${MEMBER}/switch`;
const PIN = "8642";
const MEMBER_TOKEN = "member-token-made-up-77";
const PIN_HASH = "made-up-pin-hash-91";

const home = {
  id: 7001,
  name: "The Made-Up Home",
  users: [
    {
      id: 1,
      uuid: "a0a0a0a0a0a0a0a0",
      title: "Alex",
      username: "alex",
      admin: true,
      restricted: false,
      protected: false,
    },
    { id: 2, uuid: MEMBER, title: "Sam", username: "sam", admin: false, restricted: false, protected: true },
    {
      id: 3,
      uuid: "c3c3c3c3c3c3c3c3",
      title: "Kids",
      username: null,
      admin: false,
      restricted: true,
      restrictionProfile: "little_kid",
      protected: false,
    },
  ],
};
const switched = {
  id: 2,
  uuid: MEMBER,
  title: "Sam",
  authToken: MEMBER_TOKEN,
  pin: PIN_HASH,
  protected: true,
  home: true,
};
const pinError = () =>
  json({ errors: [{ code: 1041, message: "A valid PIN is required to perform this action" }] }, 403);

describe("getHomeUsers", () => {
  it("GETs /home/users with the token and returns typed members", async () => {
    mock.answer(`${PLEX_TV_URL}/home/users`, () => json(home));

    const { data } = await getHomeUsers(testClient());

    expect(mock.seen[0]?.method).toBe("GET");
    expect(mock.seen[0]?.url.href).toBe(`${PLEX_TV_URL}/home/users`);
    expect(xPlexHeaders(mock.seen[0]!.headers)).toEqual({
      ...EXPECTED_IDENTITY_HEADERS,
      "x-plex-token": ACCESS_TOKEN,
    });
    expect(data.users.map((user) => [user.title, user.admin, user.restricted, user.protected])).toEqual([
      ["Alex", true, false, false],
      ["Sam", false, false, true],
      ["Kids", false, true, false],
    ]);
  });

  it("reads the XML form (one user, attributes as strings)", async () => {
    mock.answer(`${PLEX_TV_URL}/home/users`, () =>
      xml(
        `<home id="7001" name="Home"><users><user id="3" uuid="${MEMBER}" title="Kids" admin="0" restricted="1" protected="0"/></users></home>`,
      ),
    );
    const { data } = await getHomeUsers(testClient());
    expect(data.users).toEqual([
      expect.objectContaining({ id: 3, uuid: MEMBER, admin: false, restricted: true, protected: false }),
    ]);
  });
});

describe("switchHomeUser", () => {
  it("POSTs /home/users/{uuid}/switch with the PIN as a query parameter and no body; returns the member's account", async () => {
    mock.answer(SWITCH, () => json(switched, 201));

    const res = await switchHomeUser(testClient(), { uuid: MEMBER, pin: PIN });

    const [sent] = mock.seen;
    expect(sent?.method).toBe("POST");
    expect(`${sent?.url.origin}${sent?.url.pathname}`).toBe(SWITCH);
    expect([...sent!.url.searchParams]).toEqual([["pin", PIN]]);
    expect(sent?.body).toBe("");
    expect(sent?.headers.get("x-plex-token")).toBe(ACCESS_TOKEN);
    expect(res.data.authToken).toBe(MEMBER_TOKEN);
  });

  it("sends no pin for an unprotected member", async () => {
    mock.answer(SWITCH, () => json(switched));
    await switchHomeUser(testClient(), { uuid: MEMBER });
    expect(mock.seen[0]?.url.search).toBe("");
  });

  it.each(["a/b", ".", "..", "a b", "a\ud800"])(
    "refuses the uuid %j before sending (it goes into the path)",
    async (uuid) => {
      const error = await rejection(switchHomeUser(testClient(), { uuid, pin: "1234" }));
      expect(error).toBeInstanceOf(PlexInvalidRequestError);
      expect(String(error)).not.toContain("1234");
      expect(mock.seen).toHaveLength(0);
    },
  );

  it("PIN required (none sent) → PlexHomePinRequiredError, not retried", async () => {
    mock.answer(SWITCH, pinError);
    const error = await rejection(
      switchHomeUser(testClient({ retry: { maxRetries: 3, initialDelayMs: 1 } }), { uuid: MEMBER }),
    );
    expect(error).toBeInstanceOf(PlexHomePinRequiredError);
    expect((error as PlexHomePinRequiredError).statusCode).toBe(403);
    expect((error as PlexHomePinRequiredError).code).toBe(1041);
    expect(mock.seen).toHaveLength(1);
  });

  it("wrong PIN → PlexHomePinRequiredError, and the PIN appears in no error, inspect or log line", async () => {
    mock.answer(SWITCH, pinError);
    const lines: string[] = [];
    const logger: Logger = {
      debug: (message, details) => lines.push(`${message} ${JSON.stringify(details ?? {})}`),
    };

    const error = await rejection(switchHomeUser(testClient({ logger }), { uuid: MEMBER, pin: PIN }));

    expect(error).toBeInstanceOf(PlexHomePinRequiredError);
    expect(lines.length).toBeGreaterThan(0);
    for (const text of [
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      String((error as Error).stack),
      lines.join("\n"),
    ]) {
      expect(text).not.toContain(PIN);
    }
  });

  it("the hashed pin and the member token of the answer are redacted in logs", async () => {
    mock.answer(SWITCH, () => json({ ...switched, authToken: "" }, 200));
    const lines: string[] = [];
    const logger: Logger = {
      debug: (message, details) => lines.push(`${message} ${JSON.stringify(details ?? {})}`),
    };
    const error = await rejection(switchHomeUser(testClient({ logger }), { uuid: MEMBER, pin: PIN }));
    // An empty authToken fails validation; the error's redacted raw value must not carry the pin hash.
    expect(JSON.stringify(error)).not.toContain(PIN_HASH);
    expect(inspect(error, { depth: 10 })).not.toContain(PIN_HASH);
    expect(lines.join("\n")).not.toContain(PIN);
  });

  it("rejects an empty uuid or pin before sending", async () => {
    for (const request of [{ uuid: "" }, { uuid: MEMBER, pin: "" }, {} as never]) {
      expect(await rejection(switchHomeUser(testClient(), request))).toBeInstanceOf(PlexInvalidRequestError);
    }
    expect(mock.seen).toHaveLength(0);
  });

  it("a bad token stays PlexUnauthorizedError", async () => {
    mock.answer(SWITCH, () =>
      json({ errors: [{ code: 1001, message: "User could not be authenticated" }] }, 401),
    );
    expect(await rejection(switchHomeUser(testClient(), { uuid: MEMBER }))).toBeInstanceOf(
      PlexUnauthorizedError,
    );
  });

  it("is on plex.authentication too", async () => {
    mock.answer(`${PLEX_TV_URL}/home/users`, () => json(home));
    mock.answer(SWITCH, () => json(switched));
    const plex = new PlexAPI({
      clientIdentifier: "test-client-7f3a",
      accessToken: ACCESS_TOKEN,
      retry: false,
    });
    expect((await plex.authentication.getHomeUsers()).data.users).toHaveLength(3);
    expect((await plex.authentication.switchHomeUser({ uuid: MEMBER, pin: PIN })).data.authToken).toBe(
      MEMBER_TOKEN,
    );
  });
});
