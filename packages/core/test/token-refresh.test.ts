import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  type AccessTokenContext,
  createPlexClient,
  PlexTokenExpiredError,
  PlexUnauthorizedError,
  type RequestSpec,
} from "../src/index";
import { failure } from "./helpers/failure";
import { useRecordingServer } from "./helpers/recording-server";

// HTTP 498 is Plex's "this JWT has expired": a token function gets one chance to refresh.
const PLEX_TV = "https://plex.tv/api/v2";
const OLD = "expired-jwt-token-0001";
const NEW = "fresh-jwt-token-0002";
const { server, seen } = useRecordingServer();

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
      seen.push(request.clone());
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
    expect(await seen[1]!.text()).toBe("login=someone%40example.com&password=refresh-password-1");
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
