import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  PlexAPIError,
  PlexHomePinRequiredError,
  PlexPinExpiredError,
  PlexRateLimitError,
  PlexTwoFactorRequiredError,
  PlexUnauthorizedError,
  PlexValidationError,
} from "@plex/core";
import { describe, expect, it } from "vitest";
import { createPin } from "../src/create-pin.js";
import { generateDeviceKey } from "../src/device-key.js";
import { getHomeUsers } from "../src/get-home-users.js";
import { getPin } from "../src/get-pin.js";
import { getSourceConnectionInformation } from "../src/get-source-connection-information.js";
import { getTokenDetails } from "../src/get-token-details.js";
import { getTransientToken } from "../src/get-transient-token.js";
import { decodeJws } from "../src/internal/jws.js";
import { prepareJwtPinLogin } from "../src/jwt-pin-login.js";
import { postUsersSignInData } from "../src/post-users-sign-in-data.js";
import { refreshJwt } from "../src/refresh-jwt.js";
import { registerDeviceKey } from "../src/register-device-key.js";
import { switchHomeUser } from "../src/switch-home-user.js";
import { PLEX_TV_URL, PMS_URL, rejection, testClient, useMockPlex } from "./support/mock-plex.js";

// The real Plex bodies live beside the repository (../shared from the repo root) and are never copied into it.
// PLEX_SAMPLES_DIR points elsewhere, e.g. at a missing folder to check that the suite skips cleanly.
const repoRoot = new URL("../../../", import.meta.url);
const samplesDir = process.env.PLEX_SAMPLES_DIR
  ? `${process.env.PLEX_SAMPLES_DIR.replace(/\/+$/, "")}/`
  : fileURLToPath(new URL("../shared/plex-api/samples/", repoRoot));
const present = existsSync(samplesDir);

const mock = useMockPlex();

function sample(name: string): Response {
  const text = readFileSync(`${samplesDir}${name}`, "utf8");
  const type = name.endsWith(".xml") ? "text/xml;charset=utf-8" : "application/json";
  const status = Number(
    /^error-(\d{3})-/.exec(name)?.[1] ?? STATUS_NOT_IN_NAME[name] ?? (name.includes("__201__") ? 201 : 200),
  );
  return new Response(text, { status, headers: { "Content-Type": type } });
}

/** Samples whose capture did not record the status: the status user reports give. */
const STATUS_NOT_IN_NAME: Record<string, number> = {
  "error-1041-home-pin-required__json__public-capture-notes.json": 403,
};

function serve(url: string, name: string): void {
  mock.answer(url, () => sample(name));
}

function samples(prefix: string): string[] {
  return present ? readdirSync(samplesDir).filter((name) => name.startsWith(prefix)) : [];
}

const signIn = () =>
  postUsersSignInData(testClient(), {
    requestBody: { login: "someone@example.org", password: "not-the-real-one" },
  });

/** Error samples: which operation receives each and what it must become. */
const errorCases: Record<
  string,
  {
    call: () => Promise<unknown>;
    url: string;
    expected: new (...args: never[]) => PlexAPIError;
    code?: number;
  }
> = {
  "error-401-1029-verification-code__json__Reaparr-issue-180.json": {
    call: signIn,
    url: `${PLEX_TV_URL}/users/signin`,
    expected: PlexTwoFactorRequiredError,
    code: 1029,
  },
  "error-401-1029-verification-code__xml__Syncra-issue-29.xml": {
    call: signIn,
    url: `${PLEX_TV_URL}/users/signin`,
    expected: PlexTwoFactorRequiredError,
    code: 1029,
  },
  "error-401-1029-otp-required__json__plex-api-rs-test-mock.json": {
    call: signIn,
    url: `${PLEX_TV_URL}/users/signin`,
    expected: PlexTwoFactorRequiredError,
    code: 1029,
  },
  "error-401-1031-repeated-failures__xml__Syncra-issue-29.xml": {
    call: signIn,
    url: `${PLEX_TV_URL}/users/signin`,
    expected: PlexUnauthorizedError,
    code: 1031,
  },
  "error-401-1001-unauthorized__json__plex-api-spec-401-example.json": {
    call: signIn,
    url: `${PLEX_TV_URL}/users/signin`,
    expected: PlexUnauthorizedError,
    code: 1001,
  },
  "error-429-1003-rate-limit__xml__PlexTraktSync-issue-1970.xml": {
    call: signIn,
    url: `${PLEX_TV_URL}/users/signin`,
    expected: PlexRateLimitError,
    code: 1003,
  },
  "error-422-invalid-token__xml__python-plexapi-pr-1138.xml": {
    call: () => getTokenDetails(testClient()),
    url: `${PLEX_TV_URL}/user`,
    expected: PlexUnauthorizedError,
  },
  "error-400-1000-client-identifier-missing__json__plexpy-issue-7.json": {
    call: () => getTokenDetails(testClient()),
    url: `${PLEX_TV_URL}/user`,
    expected: PlexAPIError,
    code: 1000,
  },
  "error-404-1020-pin-not-found__json__plex-api-spec-pins-id-example.json": {
    call: () => getPin(testClient(), { id: 111222333 }),
    url: `${PLEX_TV_URL}/pins/111222333`,
    expected: PlexPinExpiredError,
    code: 1020,
  },
  "error-1041-home-pin-required__json__public-capture-notes.json": {
    call: () => switchHomeUser(testClient(), { uuid: "d320a7e6324aacd5", pin: "0000" }),
    url: `${PLEX_TV_URL}/home/users/d320a7e6324aacd5/switch`,
    expected: PlexHomePinRequiredError,
    code: 1041,
  },
  "error-404-plextv-not-found__json__plexjs-issue-22.json": {
    call: () => getTokenDetails(testClient()),
    url: `${PLEX_TV_URL}/user`,
    expected: PlexAPIError,
  },
};

/** Samples of other endpoints (resources): no operation of this package receives them. */
const notOurs = ["api-resources-v1", "api-v2-resources"];
/** The JWT flow's documentation examples: each has its own test below. */
const JWT_SAMPLES = {
  nonce: "auth-nonce__plex-api-spec-description.json",
  jwkBody: "auth-jwk-request-body__plex-api-spec-description.json",
  devicePayload: "auth-device-jwt-payload__plex-api-spec-description.json",
  tokenResponse: "auth-token-response__plex-api-spec-description.json",
};
/** The legacy `POST /users/sign_in.xml` answer: another endpoint, with `authenticationToken` instead of `authToken`. */
const LEGACY_SIGN_IN = "users-sign_in-xml-legacy__node-plex-api-credentials.xml";

describe.skipIf(!present)(
  `@plex/auth parses the real Plex samples${present ? "" : ` (SKIPPED: ${samplesDir} is absent; it lives beside the repo, never in it)`}`,
  () => {
    it("has an expectation for every sample in the folder, so a new sample cannot go unchecked", () => {
      const covered = (name: string) =>
        name === "INDEX.md" ||
        name === LEGACY_SIGN_IN ||
        name in errorCases ||
        Object.values(JWT_SAMPLES).includes(name) ||
        notOurs.some((prefix) => name.startsWith(prefix)) ||
        [
          "security-token__",
          "security-resources__",
          "api-v2-user__",
          "api-v2-users-signin__201__",
          "api-v2-pins__create-unclaimed__",
          "api-v2-pins-id__claimed__",
          "api-v2-home-users__",
          "api-v2-home-users-switch__",
        ].some((p) => name.startsWith(p));
      expect(readdirSync(samplesDir).filter((name) => !covered(name))).toEqual([]);
    });

    it.each(samples("security-token__"))("getTransientToken reads %s", async (name) => {
      serve(`${PMS_URL}/security/token`, name);
      const expected = /transient-[0-9a-f-]+/.exec(readFileSync(`${samplesDir}${name}`, "utf8"))?.[0];

      const res = await getTransientToken(testClient(), { type: "delegation", scope: "all" });

      expect(expected).toBeDefined();
      expect(res.data.MediaContainer.token).toBe(expected);
    });

    it.each(samples("security-resources__"))("getSourceConnectionInformation reads %s", async (name) => {
      serve(`${PMS_URL}/security/resources`, name);

      const res = await getSourceConnectionInformation(testClient(), { source: "server://sample" });

      const device = res.data.MediaContainer.Device;
      expect(device.accessToken).toMatch(/^transient-/);
      expect(device.clientIdentifier).toMatch(/^[0-9a-f]{40}$/);
      expect(device.Connection.length).toBeGreaterThanOrEqual(3);
      for (const connection of device.Connection) {
        expect(typeof connection.port).toBe("number");
        expect(typeof connection.local).toBe("boolean");
        expect(connection.uri).toMatch(/^https:\/\//);
      }
    });

    it.each(samples("api-v2-user__"))("getTokenDetails reads %s", async (name) => {
      serve(`${PLEX_TV_URL}/user`, name);

      const res = await getTokenDetails(testClient());

      expect(res.data.authToken.length).toBeGreaterThan(0);
      expect(typeof res.data.username).toBe("string");
      expect(typeof res.data.id).toBe("number");
    });

    it.each(samples("api-v2-users-signin__201__"))("postUsersSignInData reads %s", async (name) => {
      serve(`${PLEX_TV_URL}/users/signin`, name);

      const res = await signIn();

      expect(res.statusCode).toBe(201);
      expect(res.data.authToken.length).toBeGreaterThan(0);
    });

    it.each(samples("api-v2-pins__create-unclaimed__"))("createPin reads %s", async (name) => {
      serve(`${PLEX_TV_URL}/pins`, name);

      const { data } = await createPin(testClient(), { strong: true });

      expect(typeof data.id).toBe("number");
      expect(data.code.length).toBeGreaterThan(0);
      expect(data.authToken).toBeNull();
      expect(Date.parse(data.expiresAt ?? "")).not.toBeNaN();
    });

    it.each(samples("api-v2-pins-id__claimed__"))("getPin reads %s", async (name) => {
      serve(`${PLEX_TV_URL}/pins/111222333`, name);

      const { data } = await getPin(testClient(), { id: 111222333 });

      expect(typeof data.authToken).toBe("string");
      expect(data.authToken?.length).toBeGreaterThan(0);
    });

    it.each(samples("api-v2-home-users__"))("getHomeUsers reads %s", async (name) => {
      serve(`${PLEX_TV_URL}/home/users`, name);

      const res = await getHomeUsers(testClient());

      expect(res.data.users.length).toBeGreaterThanOrEqual(2);
      expect(res.data.users.filter((user) => user.admin)).toHaveLength(1);
      for (const user of res.data.users) expect(user.uuid).toMatch(/^[0-9a-f]{16}$/);
    });

    it.each(samples("api-v2-home-users-switch__"))("switchHomeUser reads %s", async (name) => {
      serve(`${PLEX_TV_URL}/home/users/d320a7e6324aacd5/switch`, name);

      const res = await switchHomeUser(testClient(), { uuid: "d320a7e6324aacd5", pin: "1234" });

      expect(res.data.authToken.length).toBeGreaterThan(0);
      expect(res.data.uuid).toBe("d320a7e6324aacd5");
    });

    const CLIENTS = "https://clients.plex.tv/api/v2";
    const jsonSample = (name: string) => JSON.parse(readFileSync(`${samplesDir}${name}`, "utf8"));

    it("the nonce sample is what the device JWT carries, with the claims of the payload sample", async () => {
      serve(`${CLIENTS}/auth/nonce`, JWT_SAMPLES.nonce);
      const login = await prepareJwtPinLogin(testClient(), { key: await generateDeviceKey() });
      const payload = decodeJws(login.deviceJWT)!.payload;
      expect(payload.nonce).toBe(jsonSample(JWT_SAMPLES.nonce).nonce);
      const documented = jsonSample(JWT_SAMPLES.devicePayload);
      expect(Object.keys(payload).sort()).toEqual(Object.keys(documented).sort());
      expect(payload.scope).toBe(documented.scope);
      expect(payload.aud).toBe(documented.aud);
    });

    it("registerDeviceKey sends the documented jwk body, plus the kid python-plexapi also sends", async () => {
      mock.answer(`${CLIENTS}/auth/jwk`, () => new Response(null, { status: 204 }));
      const key = await generateDeviceKey();
      await registerDeviceKey(testClient(), { key });
      const sent = JSON.parse(mock.seen[0]!.body);
      const documented = jsonSample(JWT_SAMPLES.jwkBody);
      expect(Object.keys(sent.jwk).sort()).toEqual([...Object.keys(documented.jwk), "kid"].sort());
      for (const field of ["kty", "crv", "use", "alg"]) expect(sent.jwk[field]).toBe(documented.jwk[field]);
    });

    it("the token sample is truncated in its source: refreshJwt rejects it instead of inventing an expiry", async () => {
      serve(`${CLIENTS}/auth/nonce`, JWT_SAMPLES.nonce);
      serve(`${CLIENTS}/auth/token`, JWT_SAMPLES.tokenResponse);
      const error = await rejection(refreshJwt(testClient(), { key: await generateDeviceKey() }));
      expect(error).toBeInstanceOf(PlexValidationError);
      // Its header is still a real Plex JWT header: EdDSA with a kid.
      const header = jsonSample(JWT_SAMPLES.tokenResponse).auth_token.split(".")[0];
      expect(JSON.parse(atob(header))).toMatchObject({ alg: "EdDSA", typ: "JWT", kid: expect.any(String) });
    });

    it("rejects the legacy sign_in.xml body (another endpoint) as PlexValidationError instead of inventing a token", async () => {
      serve(`${PLEX_TV_URL}/users/signin`, LEGACY_SIGN_IN);

      expect(await rejection(signIn())).toBeInstanceOf(PlexValidationError);
    });

    it.each(Object.keys(errorCases))("maps %s", async (name) => {
      const { call, url, expected, code } = errorCases[name]!;
      serve(url, name);

      const error = await rejection(call());

      expect(error).toBeInstanceOf(expected);
      const apiError = error as PlexAPIError;
      expect(apiError.statusCode).toBe(STATUS_NOT_IN_NAME[name] ?? Number(name.slice(6, 9)));
      if (code !== undefined) expect(apiError.code).toBe(code);
      expect(apiError.message.length).toBeGreaterThan(0);
      expect(apiError.message).not.toMatch(/^\s*[{<]/);
    });
  },
);
