import { describe, expect, it } from "vitest";
import { createDemoPlex, DEMO_CLIENT_IDENTIFIER, DEMO_HOME, DEMO_TOKENS } from "../src/index.js";
import { b64url, decodeJws, verifyJws } from "../src/internal/jws.js";
import { demoRequest, PLEX_TV, PMS } from "./helpers.js";

const ED = { name: "Ed25519" };
const enc = (value: unknown) => b64url(new TextEncoder().encode(JSON.stringify(value)));

async function deviceKey() {
  const pair = (await crypto.subtle.generateKey(ED, true, ["sign", "verify"])) as CryptoKeyPair;
  const { x } = (await crypto.subtle.exportKey("jwk", pair.publicKey)) as { x: string };
  return {
    pair,
    jwk: { kty: "OKP", crv: "Ed25519", x, kid: `kid-${x.slice(0, 8)}`, use: "sig", alg: "EdDSA" },
  };
}

async function sign(privateKey: CryptoKey, header: object, payload: object): Promise<string> {
  const input = `${enc(header)}.${enc(payload)}`;
  const sig = new Uint8Array(await crypto.subtle.sign(ED, privateKey, new TextEncoder().encode(input)));
  return `${input}.${b64url(sig)}`;
}

function jsonPost(url: string, body: unknown, token?: string, clientIdentifier = DEMO_CLIENT_IDENTIFIER) {
  const request = demoRequest(url, { method: "POST", token, clientIdentifier });
  const headers = new Headers(request.headers);
  headers.set("Content-Type", "application/json");
  return new Request(url, { method: "POST", headers, body: JSON.stringify(body) });
}

async function setup(options: { now?: () => Date; jwtLifetimeSec?: number } = {}) {
  const demo = createDemoPlex(options);
  const key = await deviceKey();
  const registered = await demo.handle(
    jsonPost(`${PLEX_TV}/auth/jwk`, { jwk: key.jwk }, DEMO_TOKENS.account),
  );
  const nonce = async () =>
    ((await (await demo.handle(demoRequest(`${PLEX_TV}/auth/nonce`))).json()) as { nonce: string }).nonce;
  const deviceJwt = async (claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) => {
    const iat = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
    return sign(
      key.pair.privateKey,
      { alg: "EdDSA", typ: "JWT", kid: key.jwk.kid, ...header },
      {
        nonce: await nonce(),
        scope: "username,email",
        aud: "plex.tv",
        iss: DEMO_CLIENT_IDENTIFIER,
        iat,
        exp: iat + 300,
        ...claims,
      },
    );
  };
  const exchange = (jwt: string) => demo.handle(jsonPost(`${PLEX_TV}/auth/token`, { jwt }));
  return { demo, key, registered, nonce, deviceJwt, exchange };
}

describe("demo clients.plex.tv: the JWT flow", () => {
  it("registers a key once (204), then 422 thumbprint already taken; needs the account token", async () => {
    const { demo, key, registered } = await setup();
    expect(registered.status).toBe(204);
    const again = await demo.handle(jsonPost(`${PLEX_TV}/auth/jwk`, { jwk: key.jwk }, DEMO_TOKENS.account));
    expect(again.status).toBe(422);
    expect(await again.json()).toEqual({ errors: [{ message: "thumbprint already taken", status: 422 }] });
    const anonymous = await demo.handle(jsonPost(`${PLEX_TV}/auth/jwk`, { jwk: (await deviceKey()).jwk }));
    expect(anonymous.status).toBe(401);
  });

  it("exchanges a device JWT for a Plex JWT signed with the current published key, valid 7 days", async () => {
    const { demo, key, deviceJwt, exchange } = await setup();
    const res = await exchange(await deviceJwt());
    expect(res.status).toBe(200);
    const { auth_token } = (await res.json()) as { auth_token: string };
    const jws = decodeJws(auth_token)!;
    expect(jws.header).toMatchObject({ alg: "EdDSA", kid: expect.any(String) });
    expect(jws.payload).toMatchObject({ iss: "plex.tv", thumbprint: key.jwk.kid, username: "demo-viewer" });
    expect((jws.payload.exp as number) - (jws.payload.iat as number)).toBe(7 * 24 * 3600);

    const { keys } = (await (await demo.handle(demoRequest(`${PLEX_TV}/auth/keys`))).json()) as {
      keys: { kid: string; x: string }[];
    };
    expect(keys).toHaveLength(2);
    expect(keys[1]?.kid).toBe(jws.header.kid);
    expect(await verifyJws(jws, keys[1]!.x)).toBe(true);

    // The Plex JWT works on plex.tv, not on the media server.
    expect((await demo.handle(demoRequest(`${PLEX_TV}/user`, { token: auth_token }))).status).toBe(200);
    expect(
      (
        await demo.handle(
          demoRequest(`${PMS}/security/token?type=delegation&scope=all`, { token: auth_token }),
        )
      ).status,
    ).toBe(401);
  });

  it("refuses a bad signature, an unregistered kid, a reused or unknown nonce, a wrong iss or aud, alg none", async () => {
    const { deviceJwt, exchange, nonce } = await setup();
    const good = await deviceJwt();
    const [h, p, s] = good.split(".");
    expect((await exchange(`${h}.${p}.${s!.startsWith("A") ? "B" : "A"}${s!.slice(1)}`)).status).toBe(401);
    expect((await exchange(await deviceJwt({}, { kid: "not-registered" }))).status).toBe(401);
    expect((await exchange(await deviceJwt({ iss: "someone-else" }))).status).toBe(401);
    expect((await exchange(await deviceJwt({ aud: "example.com" }))).status).toBe(401);
    expect((await exchange(await deviceJwt({ nonce: "made-up" }))).status).toBe(401);
    expect((await exchange(`${b64url(new TextEncoder().encode('{"alg":"none"}'))}.${p}.`)).status).toBe(401);
    const once = await deviceJwt();
    expect((await exchange(once)).status).toBe(200);
    expect((await exchange(once)).status).toBe(401); // the nonce was used
    void nonce;
  });

  it("nonces last 5 minutes and are rate-limited per device", async () => {
    let now = new Date("2030-01-01T00:00:00Z");
    const { deviceJwt, exchange, demo } = await setup({ now: () => now });
    const late = await deviceJwt({ exp: Math.floor(now.getTime() / 1000) + 3600 });
    now = new Date(now.getTime() + 6 * 60_000);
    expect((await exchange(late)).status).toBe(401);

    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await demo.handle(demoRequest(`${PLEX_TV}/auth/nonce`))).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it("an expired Plex JWT gets 498; keys rotate with the previous one still published", async () => {
    let now = new Date("2030-01-01T00:00:00Z");
    const { demo, deviceJwt, exchange } = await setup({ now: () => now });
    const { auth_token } = (await (await exchange(await deviceJwt())).json()) as { auth_token: string };
    const before = (await (await demo.handle(demoRequest(`${PLEX_TV}/auth/keys`))).json()) as {
      keys: { kid: string }[];
    };
    await demo.jwt.rotateSigningKeys();
    const after = (await (await demo.handle(demoRequest(`${PLEX_TV}/auth/keys`))).json()) as {
      keys: { kid: string }[];
    };
    expect(after.keys[0]?.kid).toBe(before.keys[1]?.kid);
    expect(after.keys[1]?.kid).not.toBe(before.keys[1]?.kid);

    now = new Date(now.getTime() + 8 * 24 * 3600_000);
    const res = await demo.handle(demoRequest(`${PLEX_TV}/user`, { token: auth_token }));
    expect(res.status).toBe(498);
  });
});

describe("demo Plex Home", () => {
  const demo = createDemoPlex();
  const sw = (uuid: string, pin?: string) =>
    demo.handle(
      demoRequest(`${PLEX_TV}/home/users/${uuid}/switch${pin === undefined ? "" : `?pin=${pin}`}`, {
        method: "POST",
        token: DEMO_TOKENS.account,
      }),
    );

  it("lists an admin, a PIN-protected member and a managed user (JSON and XML)", async () => {
    const res = await demo.handle(demoRequest(`${PLEX_TV}/home/users`, { token: DEMO_TOKENS.account }));
    const { users } = (await res.json()) as {
      users: { admin: boolean; protected: boolean; restricted: boolean }[];
    };
    expect(users.map((u) => [u.admin, u.protected, u.restricted])).toEqual([
      [true, false, false],
      [false, true, false],
      [false, false, true],
    ]);
    const xml = await (
      await demo.handle(demoRequest(`${PLEX_TV}/home/users`, { token: DEMO_TOKENS.account, accept: null }))
    ).text();
    expect(xml).toMatch(/<home [^>]*><users><user /);
  });

  it("switching to the protected member needs the right PIN (403 code 1041 otherwise)", async () => {
    for (const pin of [undefined, "0000"]) {
      const res = await sw(DEMO_HOME.memberUuid, pin);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        errors: [{ code: 1041, message: "A valid PIN is required to perform this action", status: 403 }],
      });
    }
    const ok = await sw(DEMO_HOME.memberUuid, DEMO_HOME.memberPin);
    expect(ok.status).toBe(201);
    const account = (await ok.json()) as { authToken: string; uuid: string };
    expect(account).toMatchObject({ authToken: DEMO_TOKENS.homeMember, uuid: DEMO_HOME.memberUuid });
    const me = (await (
      await demo.handle(demoRequest(`${PLEX_TV}/user`, { token: account.authToken }))
    ).json()) as { uuid: string };
    expect(me.uuid).toBe(DEMO_HOME.memberUuid);
  });

  it("the managed user needs no PIN; an unknown uuid is 404", async () => {
    expect((await sw(DEMO_HOME.managedUuid)).status).toBe(201);
    expect((await sw("ffffffffffffffff")).status).toBe(404);
  });
});
