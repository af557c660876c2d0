import { describe, expect, it } from "vitest";
import {
  createDemoPlex,
  DEMO_ACCOUNTS,
  DEMO_PROBE_URIS,
  DEMO_SERVER,
  DEMO_TOKENS,
  DEMO_TRANSIENT_TOKEN,
} from "../src/index.js";
import { demoRequest, PLEX_TV, PMS } from "./helpers.js";

const FIXED_NOW = new Date("2026-11-28T06:00:00Z");

function demo() {
  return createDemoPlex({ now: () => FIXED_NOW });
}

describe("sign-in scenarios", () => {
  const signIn = (form: Record<string, string>, accept?: string) =>
    demo().handle(demoRequest(`${PLEX_TV}/users/signin`, { form, accept }));

  it("signs the plain account in with 201 and the signed-in token", async () => {
    const response = await signIn({ ...DEMO_ACCOUNTS.plain, rememberMe: "true" });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body).toMatchObject({
      authToken: DEMO_TOKENS.signedIn,
      email: DEMO_ACCOUNTS.plain.login,
      twoFactorEnabled: false,
    });
    expect(body.rememberExpiresAt).toBe(FIXED_NOW.getTime() / 1000 + 30 * 24 * 3600);
  });

  it.each([
    ["without a code", {}],
    ["with a wrong code", { verificationCode: "000000" }],
  ])("asks the 2FA account for its code (1029) %s", async (_label, extra) => {
    const { login, password } = DEMO_ACCOUNTS.twoFactor;
    const response = await signIn({ login, password, ...extra });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ code: 1029, message: "Please enter the verification code", status: 401 }],
    });
  });

  it("answers 1029 as XML when Accept is not JSON", async () => {
    const { login, password } = DEMO_ACCOUNTS.twoFactor;
    const response = await signIn({ login, password }, "application/xml");
    expect(response.status).toBe(401);
    expect(await response.text()).toContain(
      '<error code="1029" message="Please enter the verification code" status="401"/>',
    );
  });

  it("signs the 2FA account in with the right code, with a token of its own", async () => {
    const response = await signIn({ ...DEMO_ACCOUNTS.twoFactor });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      authToken: DEMO_TOKENS.signedInTwoFactor,
      twoFactorEnabled: true,
    });
  });

  it.each([
    ["plain", DEMO_ACCOUNTS.plain, "demo-viewer"],
    ["2FA", DEMO_ACCOUNTS.twoFactor, "demo-2fa-viewer"],
  ] as const)(
    "the token a %s sign-in returns reads back as that account",
    async (_label, account, username) => {
      const plex = demo();
      const signedIn = await plex.handle(demoRequest(`${PLEX_TV}/users/signin`, { form: { ...account } }));
      const { authToken, uuid } = await signedIn.json();
      const user = await plex.handle(demoRequest(`${PLEX_TV}/user`, { token: authToken }));
      expect(user.status).toBe(200);
      expect(await user.json()).toMatchObject({ authToken, uuid, username, email: account.login });
    },
  );

  it.each([
    ["a wrong password", { login: DEMO_ACCOUNTS.plain.login, password: "nope" }],
    ["an unknown login", { login: "nobody@example.com", password: "demo-password" }],
    ["no fields", {}],
  ])("refuses %s with 401 code 1001 as JSON", async (_label, form) => {
    const response = await signIn(form);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ code: 1001, message: "User could not be authenticated", status: 401 }],
    });
  });

  it("reads only a form body: the right fields sent as JSON fail", async () => {
    const request = new Request(`${PLEX_TV}/users/signin`, {
      method: "POST",
      headers: {
        Accept: "application/json",
        "X-Plex-Client-Identifier": "x",
        "Content-Type": "application/json",
      },
      body: JSON.stringify(DEMO_ACCOUNTS.plain),
    });
    expect((await demo().handle(request)).status).toBe(401);
  });

  it("rate-limits busy@ with 429 code 1003 as XML and no Retry-After, even for a JSON client", async () => {
    const response = await signIn({ ...DEMO_ACCOUNTS.rateLimited });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBeNull();
    expect(response.headers.get("content-type")).toMatch(/^application\/xml/);
    expect(await response.text()).toContain(
      '<error code="1003" message="API rate limit exceeded" status="429"/>',
    );
  });

  it("locks locked@ out with 401 code 1031 as XML", async () => {
    const response = await signIn({ ...DEMO_ACCOUNTS.locked });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).toMatch(
      /<error code="1031" message="User could not be authenticated\. [^"]+" status="401"\/>/,
    );
  });
});

describe("client identifier", () => {
  it.each([null, "", "   "])("answers 400 code 1000 when it is %j", async (clientIdentifier) => {
    const response = await demo().handle(
      demoRequest(`${PLEX_TV}/user`, { clientIdentifier, token: DEMO_TOKENS.account }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ code: 1000, message: "X-Plex-Client-Identifier is missing", status: 400 }],
    });
  });

  it("accepts it from the query string too", async () => {
    const url = `${PLEX_TV}/user?X-Plex-Client-Identifier=q&X-Plex-Token=${DEMO_TOKENS.account}`;
    const response = await demo().handle(demoRequest(url, { clientIdentifier: null }));
    expect(response.status).toBe(200);
  });
});

describe("GET /api/v2/user", () => {
  it.each([DEMO_TOKENS.account, DEMO_TOKENS.signedIn])("returns the account for %s", async (token) => {
    const response = await demo().handle(demoRequest(`${PLEX_TV}/user`, { token }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ authToken: token, email: DEMO_ACCOUNTS.plain.login });
    expect(body.profile.autoSelectSubtitle).toBeTypeOf("number");
    expect(body.services[0].secret).toBeNull();
    expect(body.adsConsentReminderAt).toBeTypeOf("number");
    expect(Array.isArray(body.pastSubscriptions) && Array.isArray(body.trials)).toBe(true);
  });

  it("answers a revoked token with 422 and the bare XML error", async () => {
    const response = await demo().handle(demoRequest(`${PLEX_TV}/user`, { token: DEMO_TOKENS.revoked }));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("<errors><error>Invalid token</error></errors>");
  });

  it.each([undefined, "not-a-demo-token"])("answers token %j with 401 code 1001", async (token) => {
    const response = await demo().handle(demoRequest(`${PLEX_TV}/user`, { token }));
    expect(response.status).toBe(401);
    expect((await response.json()).errors[0].code).toBe(1001);
  });
});

describe("media server routes", () => {
  it("hands out the transient token for type=delegation&scope=all", async () => {
    const url = `${PMS}/security/token?type=delegation&scope=all`;
    const response = await demo().handle(demoRequest(url, { token: DEMO_TOKENS.account }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ MediaContainer: { size: 0, token: DEMO_TRANSIENT_TOKEN } });
  });

  it("refuses another type with 400", async () => {
    const url = `${PMS}/security/token?type=other&scope=all`;
    const response = await demo().handle(demoRequest(url, { token: DEMO_TOKENS.account }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ status: 400, error: "Bad Request" });
  });

  it.each([undefined, DEMO_TOKENS.revoked])("answers token %j with 401 code 1001", async (token) => {
    const url = `${PMS}/security/token?type=delegation&scope=all`;
    const response = await demo().handle(demoRequest(url, { token }));
    expect(response.status).toBe(401);
    expect((await response.json()).errors[0].code).toBe(1001);
  });

  it("describes the demo server for its source", async () => {
    const url = `${PMS}/security/resources?source=server://${DEMO_SERVER.clientIdentifier}`;
    const response = await demo().handle(demoRequest(url, { token: DEMO_TOKENS.signedIn }));
    expect(response.status).toBe(200);
    const { MediaContainer } = await response.json();
    expect(MediaContainer.Device).toMatchObject({
      name: DEMO_SERVER.name,
      clientIdentifier: DEMO_SERVER.clientIdentifier,
      accessToken: DEMO_SERVER.accessToken,
    });
    expect(MediaContainer.Device.Connection).toHaveLength(DEMO_SERVER.connections.length);
    expect(MediaContainer.Device.Connection[0]).toEqual({
      protocol: "https",
      address: DEMO_SERVER.connections[0]!.address,
      port: DEMO_SERVER.connections[0]!.port,
      uri: DEMO_SERVER.connections[0]!.uri,
      local: true,
      relay: false,
    });
  });

  it("answers 404 for an unknown source", async () => {
    const url = `${PMS}/security/resources?source=server://nope`;
    const response = await demo().handle(demoRequest(url, { token: DEMO_TOKENS.account }));
    expect(response.status).toBe(404);
  });

  it("answers /identity without a token", async () => {
    const response = await demo().handle(demoRequest(`${PMS}/identity`, { clientIdentifier: null }));
    expect(response.status).toBe(200);
    expect((await response.json()).MediaContainer).toMatchObject({
      machineIdentifier: DEMO_SERVER.clientIdentifier,
      claimed: true,
    });
  });
});

describe("pins", () => {
  it("creates a pin, then claims it on the second poll", async () => {
    let now = FIXED_NOW;
    const plex = createDemoPlex({ now: () => now });
    const created = await plex.handle(demoRequest(`${PLEX_TV}/pins`, { method: "POST" }));
    expect(created.status).toBe(201);
    const pin = await created.json();
    expect(pin).toMatchObject({
      code: expect.stringMatching(/^[A-Z2-9]{4}$/),
      authToken: null,
      expiresIn: 900,
    });
    expect(pin.createdAt).toBe("2026-11-28T06:00:00Z");

    const first = await (await plex.handle(demoRequest(`${PLEX_TV}/pins/${pin.id}`))).json();
    expect(first.authToken).toBeNull();
    now = new Date(FIXED_NOW.getTime() + 5_000);
    const second = await (await plex.handle(demoRequest(`${PLEX_TV}/pins/${pin.id}`))).json();
    expect(second).toMatchObject({ authToken: DEMO_TOKENS.account, newRegistration: false, expiresIn: 895 });
    expect(plex.data.pins.get(pin.id)?.polls).toBe(2);
  });

  it("gives a 25-character code for strong=true", async () => {
    const response = await demo().handle(demoRequest(`${PLEX_TV}/pins?strong=true`, { method: "POST" }));
    expect((await response.json()).code).toHaveLength(25);
  });

  it("answers 404 code 1020 for an unknown or expired pin", async () => {
    let now = FIXED_NOW;
    const plex = createDemoPlex({ now: () => now });
    const unknown = await plex.handle(demoRequest(`${PLEX_TV}/pins/1`));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).errors[0].code).toBe(1020);
    const pin = await (await plex.handle(demoRequest(`${PLEX_TV}/pins`, { method: "POST" }))).json();
    now = new Date(FIXED_NOW.getTime() + 901_000);
    expect((await plex.handle(demoRequest(`${PLEX_TV}/pins/${pin.id}`))).status).toBe(404);
  });
});

describe("GET /api/v2/resources", () => {
  it("lists the devices, without relay and IPv6 connections unless asked for", async () => {
    const plain = await (
      await demo().handle(demoRequest(`${PLEX_TV}/resources`, { token: DEMO_TOKENS.account }))
    ).json();
    expect(plain.map((device: { name: string }) => device.name)).toContain(DEMO_SERVER.name);
    expect(plain[0].connections).toHaveLength(3);
    const all = await (
      await demo().handle(
        demoRequest(`${PLEX_TV}/resources?includeRelay=1&includeIPv6=1&includeHttps=1`, {
          token: DEMO_TOKENS.account,
        }),
      )
    ).json();
    expect(all[0].connections).toHaveLength(5);
  });

  it("lists the owned server's connections from probeURIs: local, remote, IPv6, relay", async () => {
    const list = await (
      await demo().handle(
        demoRequest(`${PLEX_TV}/resources?includeRelay=1&includeIPv6=1`, { token: DEMO_TOKENS.account }),
      )
    ).json();
    const owned = list.find(
      (device: { owned: boolean; provides: string }) => device.owned && device.provides === "server",
    );
    expect(
      owned.connections.map((c: Record<string, unknown>) => [c.uri, c.protocol, c.local, c.relay, c.IPv6]),
    ).toEqual([
      [DEMO_PROBE_URIS.unreachable, "https", true, false, false],
      [DEMO_PROBE_URIS.reachable, "http", true, false, false],
      [DEMO_PROBE_URIS.slow, "https", false, false, false],
      [DEMO_PROBE_URIS.unreachableIPv6, "https", false, false, true],
      [DEMO_PROBE_URIS.relay, "https", false, true, false],
    ]);
    expect(owned.connections[0].address).toBe("192.168.50.20");
    expect(owned.connections[3].address).toBe("2001:db8:4a::20");
    const shared = list.find((device: { owned: boolean }) => !device.owned);
    expect(shared.connections.map((c: { uri: string }) => c.uri)).toEqual([DEMO_PROBE_URIS.sharedOffline]);
    expect(list.filter((device: { provides: string }) => device.provides.includes("server"))).toHaveLength(2);
  });

  it("refuses a revoked token with 422", async () => {
    const response = await demo().handle(demoRequest(`${PLEX_TV}/resources`, { token: DEMO_TOKENS.revoked }));
    expect(response.status).toBe(422);
  });
});

describe("routing", () => {
  it("routes on the path only, whatever the origin", async () => {
    const request = demoRequest("http://10.9.8.7:1234/api/v2/user", { token: DEMO_TOKENS.account });
    expect((await demo().handle(request)).status).toBe(200);
  });

  it.each([
    ["GET", "/api/v2/nothing-here"],
    ["DELETE", "/api/v2/user"],
  ])("answers %s %s with 404", async (method, path) => {
    const response = await demo().handle(demoRequest(`${PLEX_TV.replace("/api/v2", "")}${path}`, { method }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ status: 404, error: "Not Found" });
  });

  it("keeps each instance's data apart", async () => {
    const a = createDemoPlex();
    const b = createDemoPlex();
    await a.handle(demoRequest(`${PLEX_TV}/pins`, { method: "POST" }));
    expect(a.data.pins.size).toBe(1);
    expect(b.data.pins.size).toBe(0);
  });
});

describe("GET /api/v2/ping", () => {
  it("answers <pong>true</pong> for a live token, 422 for a revoked one, 401 without one", async () => {
    const live = await demo().handle(demoRequest(`${PLEX_TV}/ping`, { token: DEMO_TOKENS.account }));
    expect(live.status).toBe(200);
    expect(await live.text()).toContain("<pong>true</pong>");
    expect((await demo().handle(demoRequest(`${PLEX_TV}/ping`, { token: DEMO_TOKENS.revoked }))).status).toBe(
      422,
    );
    expect((await demo().handle(demoRequest(`${PLEX_TV}/ping`))).status).toBe(401);
  });
});

describe("the media server accepts its own accessToken", () => {
  it("answers /security/token for the token /api/v2/resources lists for it", async () => {
    const url = `${PMS}/security/token?type=delegation&scope=all`;
    expect((await demo().handle(demoRequest(url, { token: DEMO_SERVER.accessToken }))).status).toBe(200);
    expect((await demo().handle(demoRequest(url, { token: "some-other-token" }))).status).toBe(401);
  });
});
