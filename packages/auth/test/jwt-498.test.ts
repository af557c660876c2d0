import { createPlexClient, PlexTokenExpiredError } from "@plex/core";
import { userJson } from "@plex/demo-plex/fixtures";
import {
  TEST_IDENTITY as IDENTITY,
  json,
  TEST_PLEX_TV_URL as PLEX_TV_URL,
  rejection,
  useRecordingServer as useMockPlex,
} from "@plex/demo-plex/recording";
import { describe, expect, it } from "vitest";
import { createJwtTokenProvider } from "../src/create-jwt-token-provider.js";
import { generateDeviceKey } from "../src/device-key.js";
import { getTokenDetails } from "../src/get-token-details.js";
import { decodeJws } from "../src/internal/jws.js";
import { switchHomeUser } from "../src/switch-home-user.js";
import { serveJwtExchange } from "./support/fake-plex-jwt.js";

// End to end through a real client: core's 498 hook calls the provider with { expiredToken } and resends once.
const mock = useMockPlex();
const number = (token: string | null) => (token ? decodeJws(token)?.payload.n : undefined);

async function setup() {
  const exchange = await serveJwtExchange(mock);
  const plexTv = createPlexClient({ ...IDENTITY, retry: false });
  const accessToken = createJwtTokenProvider({ client: plexTv, key: await generateDeviceKey() });
  return { ...exchange, api: plexTv.withOptions({ accessToken }), accessToken };
}

const calls = (url: string) => mock.seen.filter((seen) => `${seen.url.origin}${seen.url.pathname}` === url);

describe("Plex JWT provider behind core's 498 hook", () => {
  it("498 → one refresh and one retry with the new token", async () => {
    const { api, state } = await setup();
    // Plex treats the first JWT as expired (revoked early, or a clock ahead of ours).
    mock.answer(`${PLEX_TV_URL}/user`, (request) =>
      number(request.headers.get("x-plex-token")) === 1
        ? json({ status: 498, error: "Token Expired" }, 498)
        : json(userJson),
    );

    const res = await getTokenDetails(api);

    expect(res.statusCode).toBe(200);
    const sent = calls(`${PLEX_TV_URL}/user`);
    expect(sent.map((seen) => number(seen.headers.get("x-plex-token")))).toEqual([1, 2]);
    expect(state.exchanges).toBe(2);
  });

  it("a non-idempotent call (Home switch) is resent once after 498 too: 498 means it was not processed", async () => {
    const { api, state } = await setup();
    const url = `${PLEX_TV_URL}/home/users/abcd/switch`;
    mock.answer(url, (request) =>
      number(request.headers.get("x-plex-token")) === 1
        ? new Response(null, { status: 498 })
        : json({ uuid: "abcd", authToken: "member-token-made-up" }),
    );
    expect((await switchHomeUser(api, { uuid: "abcd" })).data.authToken).toBe("member-token-made-up");
    expect(calls(url)).toHaveLength(2);
    expect(state.exchanges).toBe(2);
  });

  it("a second 498 throws PlexTokenExpiredError after exactly one refresh, without the tokens in it", async () => {
    const { api, state } = await setup();
    mock.answer(`${PLEX_TV_URL}/user`, () => new Response(null, { status: 498 }));

    const error = await rejection(getTokenDetails(api));

    expect(error).toBeInstanceOf(PlexTokenExpiredError);
    expect((error as PlexTokenExpiredError).statusCode).toBe(498);
    expect(calls(`${PLEX_TV_URL}/user`)).toHaveLength(2);
    expect(state.exchanges).toBe(2);
    for (const seen of calls(`${PLEX_TV_URL}/user`)) {
      expect(JSON.stringify(error)).not.toContain(seen.headers.get("x-plex-token"));
    }
  });

  it("20 concurrent calls that all get 498 share one refresh and are each retried once", async () => {
    const { api, state } = await setup();
    mock.answer(`${PLEX_TV_URL}/user`, (request) =>
      number(request.headers.get("x-plex-token")) === 1
        ? new Response(null, { status: 498 })
        : json(userJson),
    );

    await Promise.all(Array.from({ length: 20 }, () => getTokenDetails(api)));

    expect(state.exchanges).toBe(2); // token 1 for all, then token 2 for all
    const sent = calls(`${PLEX_TV_URL}/user`).map((seen) => number(seen.headers.get("x-plex-token")));
    expect(sent.filter((n) => n === 1)).toHaveLength(20);
    expect(sent.filter((n) => n === 2)).toHaveLength(20);
  });
});
