import { createPlexClient } from "@plex/core";
import { describe, expect, it } from "vitest";
import {
  PIN_AUTH_TOKEN,
  pinJson,
  signInJson,
  transientTokenJson,
  userJson,
} from "../test/support/fixtures.js";
import {
  ACCESS_TOKEN,
  IDENTITY,
  json,
  PLEX_TV_URL,
  PMS_URL,
  useMockPlex,
} from "../test/support/mock-plex.js";
import { Authentication } from "./authentication.js";
import { PlexAPI } from "./plex-api.js";

const mock = useMockPlex();

describe("PlexAPI", () => {
  it("builds a client from the same options as createPlexClient and groups the operations", () => {
    const plex = new PlexAPI({ ...IDENTITY, serverURL: PMS_URL });

    expect(plex.client.options.clientIdentifier).toBe(IDENTITY.clientIdentifier);
    expect(plex.client.options.serverURL).toBe(PMS_URL);
    expect(plex.authentication).toBeInstanceOf(Authentication);
  });

  it("can wrap an existing client, keeping its fetch", async () => {
    const calls: string[] = [];
    const client = createPlexClient({
      clientIdentifier: IDENTITY.clientIdentifier,
      accessToken: ACCESS_TOKEN,
      retry: false,
      fetch: async (input, init) => {
        calls.push(new Request(input, init).url);
        return Response.json(userJson);
      },
    });

    const plex = new PlexAPI(client);
    await plex.authentication.getTokenDetails();

    expect(plex.client).toBe(client);
    expect(calls).toEqual([`${PLEX_TV_URL}/user`]);
  });

  it("routes each Authentication method to its operation", async () => {
    mock.answer(`${PMS_URL}/security/token`, () => json(transientTokenJson));
    mock.answer(`${PMS_URL}/security/resources`, () =>
      json({
        MediaContainer: {
          size: 1,
          Device: { name: "n", accessToken: "t", clientIdentifier: "c", Connection: [] },
        },
      }),
    );
    mock.answer(`${PLEX_TV_URL}/user`, () => json(userJson));
    mock.answer(`${PLEX_TV_URL}/users/signin`, () => json(signInJson, 201));
    const plex = new PlexAPI({ ...IDENTITY, accessToken: ACCESS_TOKEN, serverURL: PMS_URL, retry: false });

    await plex.authentication.getTransientToken({ type: "delegation", scope: "all" });
    await plex.authentication.getSourceConnectionInformation({ source: "server://c" });
    await plex.authentication.getTokenDetails();
    await plex.authentication.postUsersSignInData({
      requestBody: { login: "l@example.org", password: "pw" },
    });

    expect(mock.seen.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      "POST /security/token",
      "GET /security/resources",
      "GET /api/v2/user",
      "POST /api/v2/users/signin",
    ]);
  });

  it("routes the PIN methods to their operations, filling buildAuthAppURL from the client's identity", async () => {
    mock.answer(`${PLEX_TV_URL}/pins`, () => json(pinJson(), 201));
    mock.answer(`${PLEX_TV_URL}/pins/424242`, () => json(pinJson({ authToken: PIN_AUTH_TOKEN })));
    const plex = new PlexAPI({ ...IDENTITY, accessToken: ACCESS_TOKEN, retry: false });

    const { data: pin } = await plex.authentication.createPin({ strong: true });
    await plex.authentication.getPin({ id: pin.id });
    const token = await plex.authentication.waitForPinToken(pin, { intervalMs: 100 });

    expect(token).toBe(PIN_AUTH_TOKEN);
    expect(mock.seen.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)).toEqual([
      "POST /api/v2/pins?strong=true",
      "GET /api/v2/pins/424242",
      "GET /api/v2/pins/424242",
    ]);
    const url = plex.authentication.buildAuthAppURL({ code: pin.code, product: "Override" });
    expect(url).toBe(
      `https://app.plex.tv/auth#?clientID=${IDENTITY.clientIdentifier}&code=K7QX` +
        "&context[device][product]=Override&context[device][version]=1.2.3&context[device][platform]=Node.js" +
        "&context[device][platformVersion]=20.20.2&context[device][device]=Linux" +
        "&context[device][deviceName]=ci-runner&context[device][model]=vm",
    );
    expect(url).not.toContain(ACCESS_TOKEN);
  });

  it("withAccessToken returns a new PlexAPI that sends the new token and leaves the original alone", async () => {
    mock.answer(`${PLEX_TV_URL}/user`, () => json(userJson));
    const plex = new PlexAPI({ ...IDENTITY, accessToken: ACCESS_TOKEN, retry: false });

    const signedIn = plex.withAccessToken("token-after-sign-in");
    await signedIn.authentication.getTokenDetails();
    await plex.authentication.getTokenDetails();

    expect(signedIn).toBeInstanceOf(PlexAPI);
    expect(signedIn).not.toBe(plex);
    expect(mock.seen.map((r) => r.headers.get("x-plex-token"))).toEqual([
      "token-after-sign-in",
      ACCESS_TOKEN,
    ]);
    expect(mock.seen[0]?.headers.get("x-plex-client-identifier")).toBe(IDENTITY.clientIdentifier);
  });
});
