import {
  DEMO_ACCOUNTS,
  DEMO_CLIENT_IDENTIFIER,
  DEMO_SERVER,
  DEMO_SERVER_URL,
  DEMO_TOKENS,
  DEMO_TRANSIENT_TOKEN,
} from "@plex/demo-plex";
import { demoHandlers } from "@plex/demo-plex/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  PlexAPI,
  PlexAPIError,
  PlexRateLimitError,
  PlexTwoFactorRequiredError,
  PlexUnauthorizedError,
} from "../src/index.js";

// Every scenario of the demo Plex (docs/ARCHITECTURE.md) through the public API: the playground and the README
// rely on these outcomes, so a drift between @plex/demo-plex and @plex/auth shows up here first.

const server = setupServer(...demoHandlers());
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const plex = (accessToken?: string) =>
  new PlexAPI({
    clientIdentifier: DEMO_CLIENT_IDENTIFIER,
    accessToken,
    serverURL: DEMO_SERVER_URL,
    retry: false,
  });

async function failure(promise: Promise<unknown>): Promise<PlexAPIError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PlexAPIError);
  return error as PlexAPIError;
}

describe("the demo Plex scenarios, through @plex/auth", () => {
  it("plain account: sign in (201), then the token reads the account and the server", async () => {
    const signIn = await plex().authentication.postUsersSignInData({ requestBody: DEMO_ACCOUNTS.plain });
    expect(signIn.statusCode).toBe(201);
    expect(signIn.data.authToken).toBe(DEMO_TOKENS.signedIn);

    const me = plex().withAccessToken(signIn.data.authToken);
    expect((await me.authentication.getTokenDetails()).data.email).toBe(DEMO_ACCOUNTS.plain.login);
    const transient = await me.authentication.getTransientToken({ type: "delegation", scope: "all" });
    expect(transient.data.MediaContainer.token).toBe(DEMO_TRANSIENT_TOKEN);
    const source = await me.authentication.getSourceConnectionInformation({
      source: `server://${DEMO_SERVER.clientIdentifier}`,
    });
    expect(source.data.MediaContainer.Device).toMatchObject({
      name: DEMO_SERVER.name,
      accessToken: DEMO_SERVER.accessToken,
      clientIdentifier: DEMO_SERVER.clientIdentifier,
    });
    expect(source.data.MediaContainer.Device.Connection).toHaveLength(DEMO_SERVER.connections.length);
  });

  it("two-factor account: 1029 without the code and with a wrong one, 201 with it", async () => {
    const { verificationCode, ...withoutCode } = DEMO_ACCOUNTS.twoFactor;
    const api = plex().authentication;

    expect(await failure(api.postUsersSignInData({ requestBody: withoutCode }))).toBeInstanceOf(
      PlexTwoFactorRequiredError,
    );
    const wrong = await failure(
      api.postUsersSignInData({ requestBody: { ...withoutCode, verificationCode: "000000" } }),
    );
    expect(wrong).toBeInstanceOf(PlexTwoFactorRequiredError);
    expect(wrong.code).toBe(1029);
    const ok = await api.postUsersSignInData({ requestBody: { ...withoutCode, verificationCode } });
    expect(ok.statusCode).toBe(201);
  });

  it("rate-limited account: PlexRateLimitError 429/1003, no Retry-After", async () => {
    const error = await failure(
      plex().authentication.postUsersSignInData({ requestBody: DEMO_ACCOUNTS.rateLimited }),
    );

    expect(error).toBeInstanceOf(PlexRateLimitError);
    expect(error).toMatchObject({ statusCode: 429, code: 1003, retryAfterMs: undefined });
  });

  it("locked account: PlexUnauthorizedError 1031 whose message says sign-ins are locked", async () => {
    const error = await failure(
      plex().authentication.postUsersSignInData({ requestBody: DEMO_ACCOUNTS.locked }),
    );

    expect(error).toBeInstanceOf(PlexUnauthorizedError);
    expect(error.code).toBe(1031);
    expect(error.message).toMatch(/locked/i);
  });

  it("wrong password: PlexUnauthorizedError 1001 with Plex's message", async () => {
    const error = await failure(
      plex().authentication.postUsersSignInData({
        requestBody: { login: "demo@example.com", password: "nope" },
      }),
    );

    expect(error).toBeInstanceOf(PlexUnauthorizedError);
    expect(error).not.toBeInstanceOf(PlexTwoFactorRequiredError);
    expect(error).toMatchObject({ statusCode: 401, code: 1001, message: "User could not be authenticated" });
  });

  it("revoked token: getTokenDetails rejects with PlexUnauthorizedError (422)", async () => {
    const error = await failure(plex(DEMO_TOKENS.revoked).authentication.getTokenDetails());

    expect(error).toBeInstanceOf(PlexUnauthorizedError);
    expect(error.statusCode).toBe(422);
    expect(error.message).not.toContain(DEMO_TOKENS.revoked);
  });

  it("unknown token on the server: PlexUnauthorizedError 1001", async () => {
    const error = await failure(
      plex("not-a-demo-token").authentication.getTransientToken({ type: "delegation", scope: "all" }),
    );

    expect(error).toBeInstanceOf(PlexUnauthorizedError);
    expect(error.code).toBe(1001);
  });

  it("unknown source: a plain PlexAPIError 404", async () => {
    const error = await failure(
      plex(DEMO_TOKENS.account).authentication.getSourceConnectionInformation({ source: "server://nobody" }),
    );

    expect(error.constructor).toBe(PlexAPIError);
    expect(error.statusCode).toBe(404);
  });

  it("per-call client identifier on sign-in is the one the demo sees", async () => {
    const seen: string[] = [];
    server.events.on("request:start", ({ request }) => {
      seen.push(request.headers.get("x-plex-client-identifier") ?? "");
    });

    await plex().authentication.postUsersSignInData({
      xPlexClientIdentifier: "override-id-9",
      requestBody: DEMO_ACCOUNTS.plain,
    });

    server.events.removeAllListeners();
    expect(seen).toEqual(["override-id-9"]);
  });
});
