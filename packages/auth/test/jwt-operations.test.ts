import {
  createPlexClient,
  type PlexClientOptions,
  PlexDeviceKeyTakenError,
  PlexInvalidRequestError,
  PlexUnauthorizedError,
  PlexValidationError,
} from "@plex/core";
import {
  TEST_ACCESS_TOKEN as ACCESS_TOKEN,
  EXPECTED_IDENTITY_HEADERS,
  TEST_IDENTITY as IDENTITY,
  json,
  rejection,
  TEST_CLIENT_OPTIONS,
  useRecordingServer as useMockPlex,
  xPlexHeaders,
} from "@plex/demo-plex/recording";
import { describe, expect, it, vi } from "vitest";
import { generateDeviceKey } from "../src/device-key.js";
import { getPlexJwtKeys } from "../src/get-plex-jwt-keys.js";
import { decodeBase64url } from "../src/internal/base64url.js";
import { decodeJws } from "../src/internal/jws.js";
import { prepareJwtPinLogin } from "../src/jwt-pin-login.js";
import { refreshJwt } from "../src/refresh-jwt.js";
import { registerDeviceKey } from "../src/register-device-key.js";
import { CLIENTS_URL, serveJwtExchange } from "./support/fake-plex-jwt.js";

const testClient = (overrides: Partial<PlexClientOptions> = {}) =>
  createPlexClient({ ...TEST_CLIENT_OPTIONS, ...overrides });

const mock = useMockPlex();

async function verifiesWith(publicJwk: JsonWebKey, token: string): Promise<boolean> {
  const jws = decodeJws(token)!;
  const key = await crypto.subtle.importKey("jwk", publicJwk, { name: "Ed25519" }, false, ["verify"]);
  return crypto.subtle.verify({ name: "Ed25519" }, key, jws.signature, jws.signingInput);
}

describe("registerDeviceKey", () => {
  it("POSTs the public JWK to clients.plex.tv/api/v2/auth/jwk with the account token", async () => {
    mock.answer(`${CLIENTS_URL}/auth/jwk`, () => new Response(null, { status: 204 }));
    const key = await generateDeviceKey();

    const res = await registerDeviceKey(testClient(), { key });

    expect(res.statusCode).toBe(204);
    const [sent] = mock.seen;
    expect(mock.seen).toHaveLength(1);
    expect(sent?.method).toBe("POST");
    expect(sent?.url.href).toBe(`${CLIENTS_URL}/auth/jwk`);
    expect(xPlexHeaders(sent!.headers)).toEqual({
      ...EXPECTED_IDENTITY_HEADERS,
      "x-plex-token": ACCESS_TOKEN,
    });
    expect(sent?.headers.get("content-type")).toMatch(/^application\/json/);
    expect(JSON.parse(sent!.body)).toEqual({
      jwk: { kty: "OKP", crv: "Ed25519", x: key.publicJwk.x, kid: key.kid, use: "sig", alg: "EdDSA" },
    });
  });

  it("uses a non-plex.tv plexTvURL as it is (proxy, demo)", async () => {
    mock.answer("http://127.0.0.1:9/api/v2/auth/jwk", () => json({}));
    await registerDeviceKey(testClient({ plexTvURL: "http://127.0.0.1:9/api/v2" }), {
      key: await generateDeviceKey(),
    });
    expect(mock.seen[0]?.url.href).toBe("http://127.0.0.1:9/api/v2/auth/jwk");
  });

  it('types 422 "thumbprint already taken" and sends once', async () => {
    mock.answer(`${CLIENTS_URL}/auth/jwk`, () =>
      json({ errors: [{ message: "thumbprint already taken" }] }, 422),
    );
    const error = await rejection(
      registerDeviceKey(testClient({ retry: { maxRetries: 2, initialDelayMs: 1 } }), {
        key: await generateDeviceKey(),
      }),
    );
    expect(error).toBeInstanceOf(PlexDeviceKeyTakenError);
    expect(mock.seen).toHaveLength(1);
  });

  it("rejects a non-key before sending", async () => {
    expect(await rejection(registerDeviceKey(testClient(), { key: {} as never }))).toBeInstanceOf(
      PlexInvalidRequestError,
    );
    expect(mock.seen).toHaveLength(0);
  });
});

describe("refreshJwt", () => {
  it("nonce → device JWT signed with the key → POST /auth/token → { token, expiresAt }", async () => {
    const { state } = await serveJwtExchange(mock);
    const key = await generateDeviceKey();
    const before = Math.floor(Date.now() / 1000);

    const { token, expiresAt } = await refreshJwt(testClient(), { key });

    expect(state.exchanges).toBe(1);
    const [nonceCall, tokenCall] = mock.seen;
    expect(nonceCall?.method).toBe("GET");
    expect(nonceCall?.url.href).toBe(`${CLIENTS_URL}/auth/nonce`);
    // Neither call carries the account token: the device key is the credential.
    expect(nonceCall?.headers.has("x-plex-token")).toBe(false);
    expect(tokenCall?.headers.has("x-plex-token")).toBe(false);
    expect(tokenCall?.method).toBe("POST");
    expect(tokenCall?.url.href).toBe(`${CLIENTS_URL}/auth/token`);

    const { jwt } = JSON.parse(tokenCall!.body) as { jwt: string };
    const device = decodeJws(jwt)!;
    expect(device.header).toEqual({ alg: "EdDSA", typ: "JWT", kid: key.kid });
    expect(device.payload).toEqual({
      nonce: expect.stringMatching(/^[0-9a-f-]{36}$/),
      scope: "username,email,friendly_name",
      aud: "plex.tv",
      iss: IDENTITY.clientIdentifier,
      iat: expect.any(Number),
      exp: (device.payload.iat as number) + 300,
    });
    expect(device.payload.iat).toBeGreaterThanOrEqual(before);
    expect(await verifiesWith(key.publicJwk, jwt)).toBe(true);

    const claims = decodeJws(token)!.payload;
    expect(expiresAt).toBe((claims.exp as number) * 1000);
  });

  it("sends the scope asked for and rejects a malformed one before sending", async () => {
    await serveJwtExchange(mock);
    const key = await generateDeviceKey();
    await refreshJwt(testClient(), { key, scope: "username,restricted" });
    const { jwt } = JSON.parse(mock.seen[1]!.body) as { jwt: string };
    expect(decodeJws(jwt)?.payload.scope).toBe("username,restricted");

    mock.seen.length = 0;
    expect(await rejection(refreshJwt(testClient(), { key, scope: "a, b" }))).toBeInstanceOf(
      PlexInvalidRequestError,
    );
    expect(mock.seen).toHaveLength(0);
  });

  it("an unregistered key: Plex's 401 is typed, the device JWT is not in the error", async () => {
    mock.answer(`${CLIENTS_URL}/auth/nonce`, () => json({ nonce: "n-1" }));
    mock.answer(`${CLIENTS_URL}/auth/token`, () =>
      json({ errors: [{ code: 1001, message: "User could not be authenticated" }] }, 401),
    );
    const error = await rejection(refreshJwt(testClient(), { key: await generateDeviceKey() }));
    expect(error).toBeInstanceOf(PlexUnauthorizedError);
    const { jwt } = JSON.parse(mock.seen[1]!.body) as { jwt: string };
    expect(JSON.stringify(error)).not.toContain(jwt.split(".")[2]);
  });

  it("an auth_token that is not a JWT is a PlexValidationError that does not repeat it", async () => {
    mock.answer(`${CLIENTS_URL}/auth/nonce`, () => json({ nonce: "n-1" }));
    mock.answer(`${CLIENTS_URL}/auth/token`, () => json({ auth_token: "classic-token-not-a-jwt" }));
    const error = await rejection(refreshJwt(testClient(), { key: await generateDeviceKey() }));
    expect(error).toBeInstanceOf(PlexValidationError);
    expect(JSON.stringify(error)).not.toContain("classic-token-not-a-jwt");
  });
});

describe("getPlexJwtKeys", () => {
  it("GETs /auth/keys without a token", async () => {
    const { plex } = await serveJwtExchange(mock);
    const { data } = await getPlexJwtKeys(testClient());
    expect(data.keys).toEqual([plex.jwk]);
    expect(mock.seen[0]?.url.href).toBe(`${CLIENTS_URL}/auth/keys`);
    expect(mock.seen[0]?.headers.has("x-plex-token")).toBe(false);
  });
});

describe("prepareJwtPinLogin (the seam for createPin/waitForPinToken)", () => {
  it("gives the public JWK for the PIN body, a signed device JWT for polling and a clients.plex.tv client", async () => {
    mock.answer(`${CLIENTS_URL}/auth/nonce`, () => json({ nonce: "pin-nonce-1" }));
    const key = await generateDeviceKey();

    const login = await prepareJwtPinLogin(testClient(), { key });

    expect(login.pinBody).toEqual({ jwk: key.publicJwk });
    expect(login.pinBody.jwk).not.toHaveProperty("d");
    expect(login.client.options.plexTvURL).toBe(CLIENTS_URL);
    const device = decodeJws(login.deviceJWT)!;
    expect(device.payload).toMatchObject({
      nonce: "pin-nonce-1",
      aud: "plex.tv",
      iss: IDENTITY.clientIdentifier,
    });
    expect(await verifiesWith(key.publicJwk, login.deviceJWT)).toBe(true);
    expect(decodeBase64url(login.deviceJWT.split(".")[2]!)?.length).toBe(64);
  });

  it("deviceJwtForPoll reuses the device JWT, and signs a new one (new nonce) when it nears its 5 minutes", async () => {
    let nonces = 0;
    mock.answer(`${CLIENTS_URL}/auth/nonce`, () => json({ nonce: `pin-nonce-${++nonces}` }));
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const login = await prepareJwtPinLogin(testClient(), { key: await generateDeviceKey() });
      expect(await login.deviceJwtForPoll()).toBe(login.deviceJWT);
      vi.setSystemTime(Date.now() + 3 * 60_000);
      expect(await login.deviceJwtForPoll()).toBe(login.deviceJWT);
      vi.setSystemTime(Date.now() + 2 * 60_000);
      const next = await login.deviceJwtForPoll();
      expect(next).not.toBe(login.deviceJWT);
      expect(decodeJws(next)?.payload.nonce).toBe("pin-nonce-2");
      expect(nonces).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
