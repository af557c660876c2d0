import {
  createPlexClient,
  type PlexClientOptions,
  PlexError,
  PlexInvalidRequestError,
  PlexRateLimitError,
  PlexTwoFactorRequiredError,
  PlexUnauthorizedError,
} from "@plex/core";
import { errorsJson, errorsXml, SIGNED_IN_TOKEN, signInJson } from "@plex/demo-plex/fixtures";
import {
  EXPECTED_IDENTITY_HEADERS,
  TEST_IDENTITY as IDENTITY,
  json,
  TEST_PLEX_TV_URL as PLEX_TV_URL,
  rejection,
  TEST_CLIENT_OPTIONS,
  useRecordingServer,
  xml,
  xPlexHeaders,
} from "@plex/demo-plex/recording";
import { describe, expect, expectTypeOf, it } from "vitest";

const testClient = (overrides: Partial<PlexClientOptions> = {}) =>
  createPlexClient({ ...TEST_CLIENT_OPTIONS, ...overrides });

import { postUsersSignInData } from "./post-users-sign-in-data.js";

const mock = useRecordingServer();
const SIGNIN = `${PLEX_TV_URL}/users/signin`;
const PASSWORD = "p&ss=w+rd %41 ünï 🔑🎬";
const credentials = { login: "river.tester@example.org", password: PASSWORD };

const retrying = { maxRetries: 3, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 };

describe("postUsersSignInData", () => {
  it("POSTs a form to https://plex.tv/api/v2/users/signin with every X-Plex header but no token", async () => {
    mock.answer(SIGNIN, () => json(signInJson, 201));

    const res = await postUsersSignInData(testClient(), {
      requestBody: { ...credentials, verificationCode: "246810", rememberMe: true },
    });

    const [sent] = mock.seen;
    expect(mock.seen).toHaveLength(1);
    expect(sent?.method).toBe("POST");
    expect(sent?.url.href).toBe(SIGNIN);
    expect(sent?.headers.get("content-type")).toMatch(/^application\/x-www-form-urlencoded/);
    // The client has an access token configured; sign-in must not send it.
    expect(xPlexHeaders(sent!.headers)).toEqual(EXPECTED_IDENTITY_HEADERS);
    expect(sent?.url.searchParams.has("X-Plex-Token")).toBe(false);
    const form = new URLSearchParams(sent?.body);
    expect(form.get("login")).toBe(credentials.login);
    expect(form.get("password")).toBe(PASSWORD);
    expect(form.get("verificationCode")).toBe("246810");
    // Core writes booleans as 1/0, which plex.tv reads as true/false.
    expect(form.get("rememberMe")).toBe("true");
    expect(res.statusCode).toBe(201);
    expect(res.data.authToken).toBe(SIGNED_IN_TOKEN);
    expectTypeOf(res.data.authToken).toEqualTypeOf<string>();
  });

  it("sends a password full of &, =, +, %, spaces and emoji byte for byte, and omits unset fields", async () => {
    mock.answer(SIGNIN, () => json(signInJson, 201));

    await postUsersSignInData(testClient(), { requestBody: credentials });

    const form = new URLSearchParams(mock.seen[0]?.body);
    expect([...form.keys()].sort()).toEqual(["login", "password"]);
    expect(form.get("password")).toBe(PASSWORD);
    // No raw separator from the password may reach the wire: everything special is percent-encoded.
    expect(mock.seen[0]?.body).not.toContain("p&ss");
  });

  it("sends rememberMe: false as false (a form boolean, as the API spec types it) rather than dropping it", async () => {
    mock.answer(SIGNIN, () => json(signInJson, 201));

    await postUsersSignInData(testClient(), { requestBody: { ...credentials, rememberMe: false } });

    expect(new URLSearchParams(mock.seen[0]?.body).get("rememberMe")).toBe("false");
  });

  it("sends xPlexClientIdentifier instead of the client's identifier when given", async () => {
    mock.answer(SIGNIN, () => json(signInJson, 201));

    await postUsersSignInData(testClient(), {
      xPlexClientIdentifier: "per-call-id-0042",
      requestBody: credentials,
    });

    const headers = mock.seen[0]!.headers;
    expect(headers.get("x-plex-client-identifier")).toBe("per-call-id-0042");
    expect(headers.get("x-plex-product")).toBe(IDENTITY.product);
  });

  it("replaces https://plex.tv/api/v2 with options.serverURL for this call", async () => {
    mock.answer("http://plex-proxy.test/v2/users/signin", () => json(signInJson, 201));

    await postUsersSignInData(
      testClient(),
      { requestBody: credentials },
      { serverURL: "http://plex-proxy.test/v2" },
    );

    expect(mock.seen[0]?.url.href).toBe("http://plex-proxy.test/v2/users/signin");
  });

  it.each([
    { requestBody: { login: "a@example.org" } },
    { requestBody: { password: PASSWORD } },
    { xPlexClientIdentifier: "", requestBody: credentials },
    { xPlexClientIdentifier: "id\r\nX-Plex-Token: injected", requestBody: credentials },
    {},
  ])("rejects %j with PlexInvalidRequestError before sending, without echoing the password", async (bad) => {
    const error = await rejection(postUsersSignInData(testClient(), bad as never));

    expect(error).toBeInstanceOf(PlexInvalidRequestError);
    expect((error as PlexError).message).not.toContain(PASSWORD);
    expect(mock.seen).toHaveLength(0);
  });

  it("is never retried once plex.tv has answered, even with retries enabled", async () => {
    mock.answer(SIGNIN, () => new Response("upstream hiccup", { status: 503 }));

    const error = await rejection(
      postUsersSignInData(testClient({ retry: retrying }), { requestBody: credentials }),
    );

    expect(error).toBeInstanceOf(PlexError);
    expect(mock.seen).toHaveLength(1);
  });

  type Reply = (code: number, message: string, status: number) => () => Response;
  const encodings: [string, Reply][] = [
    ["JSON", (code, message, status) => () => json(errorsJson(code, message, status), status)],
    ["XML", (code, message, status) => () => xml(errorsXml(code, message, status), status)],
  ];

  describe.each(encodings)("errors from a %s body", (_, reply) => {
    it("1029 → PlexTwoFactorRequiredError: ask for the code and call again", async () => {
      mock.answer(SIGNIN, reply(1029, "Please enter the verification code", 401));

      const error = await rejection(postUsersSignInData(testClient(), { requestBody: credentials }));

      expect(error).toBeInstanceOf(PlexTwoFactorRequiredError);
      expect(error).toMatchObject({ statusCode: 401, code: 1029 });
      expect((error as PlexError).message).toContain("Please enter the verification code");
    });

    it("1001 → PlexUnauthorizedError with Plex's message, and no password or token in it", async () => {
      mock.answer(SIGNIN, reply(1001, "User could not be authenticated", 401));

      const error = await rejection(postUsersSignInData(testClient(), { requestBody: credentials }));

      expect(error).toBeInstanceOf(PlexUnauthorizedError);
      expect(error).not.toBeInstanceOf(PlexTwoFactorRequiredError);
      expect(error).toMatchObject({ statusCode: 401, code: 1001 });
      const unauthorized = error as PlexUnauthorizedError;
      expect(unauthorized.message).toContain("User could not be authenticated");
      for (const text of [unauthorized.message, String(unauthorized.body ?? "")]) {
        expect(text).not.toContain(PASSWORD);
        expect(text).not.toContain("test-access-token-51d0");
      }
    });

    it("1031 → PlexUnauthorizedError telling the user sign-ins from this address are locked for a while", async () => {
      const message =
        "User could not be authenticated. This IP appears to be having trouble signing in to an account (detected repeated failures)";
      mock.answer(SIGNIN, reply(1031, message, 401));

      const error = await rejection(
        postUsersSignInData(testClient({ retry: retrying }), { requestBody: credentials }),
      );

      expect(error).toBeInstanceOf(PlexUnauthorizedError);
      expect(error).toMatchObject({ statusCode: 401, code: 1031, isRetryable: false });
      expect((error as PlexError).message).toMatch(/lock|block/i);
      expect(mock.seen).toHaveLength(1);
    });

    it("429 code 1003 → PlexRateLimitError, not retried", async () => {
      mock.answer(SIGNIN, reply(1003, "API rate limit exceeded", 429));

      const error = await rejection(
        postUsersSignInData(testClient({ retry: retrying }), { requestBody: credentials }),
      );

      expect(error).toBeInstanceOf(PlexRateLimitError);
      expect(error).toMatchObject({ statusCode: 429, code: 1003 });
      expect((error as PlexError).message).toContain("API rate limit exceeded");
      expect(mock.seen).toHaveLength(1);
    });
  });

  it("gives the wait plex.tv asks for on a 429 with Retry-After", async () => {
    mock.answer(SIGNIN, () =>
      json(errorsJson(1003, "API rate limit exceeded", 429), 429, { "Retry-After": "7" }),
    );

    const error = await rejection(postUsersSignInData(testClient(), { requestBody: credentials }));

    expect(error).toBeInstanceOf(PlexRateLimitError);
    expect((error as PlexRateLimitError).retryAfterMs).toBe(7000);
  });
});
