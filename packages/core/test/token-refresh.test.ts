import { useRecordingServer } from "@plex/demo-plex/recording";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  type AccessTokenContext,
  createPlexClient,
  PlexInvalidRequestError,
  PlexTokenExpiredError,
  PlexUnauthorizedError,
  type RequestSpec,
} from "../src/index";
import { failure } from "./helpers/failure";

// HTTP 498 is Plex's "this JWT has expired": a token function gets one chance to refresh.
const PLEX_TV = "https://plex.tv/api/v2";
const OLD = "expired-jwt-token-0001";
const NEW = "fresh-jwt-token-0002";
const { server, seen, record } = useRecordingServer();

const signIn: RequestSpec<unknown> = {
  method: "POST",
  server: "plextv",
  path: "/users/signin",
  body: { form: { login: "someone@example.com", password: "refresh-password-1" } },
  auth: true,
  idempotent: false,
  responseSchema: z.looseObject({}),
};

function answerByToken(valid: string) {
  server.use(
    http.post(`${PLEX_TV}/users/signin`, async ({ request }) => {
      await record(request);
      return request.headers.get("x-plex-token") === valid
        ? HttpResponse.json({ ok: 1 })
        : new HttpResponse(null, { status: 498 });
    }),
  );
}

describe("an expired token (HTTP 498)", () => {
  it("asks the token function once more with the rejected token and resends, even a sign-in", async () => {
    answerByToken(NEW);
    const contexts: AccessTokenContext[] = [];
    const controller = new AbortController();
    const client = createPlexClient({
      clientIdentifier: "refresh-tests",
      accessToken: (context) => {
        contexts.push(context);
        return context.expiredToken === undefined ? OLD : NEW;
      },
    });
    const response = await client.request(signIn, { signal: controller.signal });
    expect(response.data).toEqual({ ok: 1 });
    expect(contexts).toEqual([
      { signal: controller.signal },
      { expiredToken: OLD, signal: controller.signal },
    ]);
    expect(seen.map((request) => request.headers.get("x-plex-token"))).toEqual([OLD, NEW]);
    expect(seen[1]!.body).toBe("login=someone%40example.com&password=refresh-password-1");
  });

  it("throws PlexTokenExpiredError when the fresh token is refused too, after two sends", async () => {
    answerByToken("never-valid-token-9999");
    let calls = 0;
    const client = createPlexClient({
      clientIdentifier: "refresh-tests",
      accessToken: () => `still-expired-token-${++calls}`,
    });
    const error = await failure<PlexTokenExpiredError>(client.request({ ...signIn, idempotent: true }));
    expect(error).toBeInstanceOf(PlexTokenExpiredError);
    expect(error).toBeInstanceOf(PlexUnauthorizedError);
    expect(error.statusCode).toBe(498);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/expired.*function that returns a fresh token/);
    expect(seen).toHaveLength(2);
    expect(calls).toBe(2);
  });

  it("throws PlexTokenExpiredError at once with a string token", async () => {
    answerByToken(NEW);
    const client = createPlexClient({ clientIdentifier: "refresh-tests", accessToken: OLD });
    const error = await failure(client.request(signIn));
    expect(PlexTokenExpiredError.isInstance(error)).toBe(true);
    expect(seen).toHaveLength(1);
  });
});

describe("an accessToken function that throws", () => {
  it("passes a PlexError through as it is (a refused refresh stays a PlexUnauthorizedError), sending nothing", async () => {
    answerByToken(NEW);
    const refused = new PlexUnauthorizedError({ message: "The JWT refresh was refused", statusCode: 401 });
    const client = createPlexClient({
      clientIdentifier: "refresh-tests",
      accessToken: async () => {
        throw refused;
      },
    });
    const error = await failure(client.request(signIn));
    expect(error).toBe(refused);
    expect(seen).toHaveLength(0);
  });

  it("wraps any other throw in PlexInvalidRequestError without echoing its message", async () => {
    answerByToken(NEW);
    const client = createPlexClient({
      clientIdentifier: "refresh-tests",
      accessToken: () => {
        throw new Error(`vault said no for ${OLD}`);
      },
    });
    const error = await failure<PlexInvalidRequestError>(client.request(signIn));
    expect(error).toBeInstanceOf(PlexInvalidRequestError);
    expect(error.message).toBe("The accessToken function threw instead of returning a token");
    expect(JSON.stringify(error)).not.toContain(OLD);
    expect(error.cause).toBeUndefined();
    expect(seen).toHaveLength(0);
  });
});
