import { type SeenRequest, useRecordingServer } from "@plex/demo-plex/recording";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  createPlexClient,
  type Middleware,
  PlexAPIError,
  type PlexClientOptions,
  type RequestSpec,
} from "../src/index";
import { MAX_REDIRECTS } from "../src/internal/fetch-same-origin";
import { failure } from "./helpers/failure";

// One path for every call: with or without middleware and logger, the same steps run and fetch gets
// the same call shape, (url: string, init) with plain-object headers and a string body.
const PLEX_TV = "https://plex.tv/api/v2";
const TOKEN = "direct-path-token-3e9b";

const { server, seen, record } = useRecordingServer();

const options: PlexClientOptions = {
  clientIdentifier: "direct-path-install-07",
  product: "Direct Path",
  accessToken: TOKEN,
  retry: { initialDelayMs: 1, maxDelayMs: 2 },
};
const AnySchema = z.looseObject({});
const signIn: RequestSpec<unknown> = {
  method: "POST",
  server: "plextv",
  path: "/users/signin",
  query: { flag: true },
  body: { form: { login: "someone@example.com", password: "direct-path-password" } },
  headers: { "X-Trace": "t-1" },
  auth: true,
  idempotent: false,
  responseSchema: AnySchema,
};

const describeSeen = (request: SeenRequest) => ({
  method: request.method,
  url: request.url.href,
  headers: Object.fromEntries(request.headers),
  body: request.body,
});

describe("the single request path", () => {
  it("sends the same thing with or without middleware", async () => {
    server.use(
      http.post(`${PLEX_TV}/users/signin`, async ({ request }) => {
        await record(request);
        return HttpResponse.json({ ok: 1 });
      }),
    );
    const passThrough: Middleware = (request, next) => next(request);
    const direct = await createPlexClient(options).request(signIn, { headers: { "X-Call": "c-1" } });
    const wrapped = await createPlexClient({ ...options, middleware: [passThrough] }).request(signIn, {
      headers: { "X-Call": "c-1" },
    });
    expect(direct.data).toEqual({ ok: 1 });
    expect(wrapped.data).toEqual({ ok: 1 });
    expect(seen).toHaveLength(2);
    const [first, second] = [describeSeen(seen[0]!), describeSeen(seen[1]!)];
    expect(first).toEqual(second);
    expect(first.headers["x-plex-token"]).toBe(TOKEN);
    expect(first.headers["x-trace"]).toBe("t-1");
    expect(first.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  });

  it("always calls fetch as (url, init): plain headers, string body, redirect manual, a signal", async () => {
    const seenMiddleware: (string | null)[] = [];
    const peek: Middleware = (request, next) => {
      seenMiddleware.push(request.headers.get("x-plex-token"));
      return next(request);
    };
    const shapes: unknown[] = [];
    for (const extra of [{}, { logger: { debug() {} } }, { middleware: [peek] }]) {
      const client = createPlexClient({
        ...options,
        ...extra,
        fetch: async (input, init) => {
          shapes.push({
            input,
            method: init?.method,
            plainHeaders: Object.getPrototypeOf(init?.headers) === Object.prototype,
            token: (init?.headers as Record<string, string> | undefined)?.["X-Plex-Token"],
            body: init?.body,
            redirect: init?.redirect,
            signal: init?.signal instanceof AbortSignal,
          });
          return Response.json({});
        },
      });
      await client.request(signIn);
    }
    expect(shapes).toHaveLength(3);
    expect(shapes[0]).toEqual({
      input: `${PLEX_TV}/users/signin?flag=1`,
      method: "POST",
      plainHeaders: true,
      token: TOKEN,
      body: "login=someone%40example.com&password=direct-path-password",
      redirect: "manual",
      signal: true,
    });
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
    // Middleware wraps the send step but never sees the token: it is added after it.
    expect(seenMiddleware).toEqual([null]);
  });

  it("gives each attempt its own headers, with the token the function returned for it", async () => {
    const tokens = ["direct-token-first-11", "direct-token-second-22"];
    const kept: (HeadersInit | undefined)[] = [];
    // The first attempt's headers object is kept by the stub: the retry must not reuse it.
    const client = createPlexClient({
      ...options,
      accessToken: () => tokens.shift() ?? "direct-token-extra-33",
      fetch: async (_input, init) => {
        kept.push(init?.headers);
        return kept.length === 1 ? new Response(null, { status: 503 }) : Response.json({});
      },
    });
    await client.request({ ...signIn, method: "GET", body: undefined, idempotent: true });
    expect(kept.map((headers) => new Headers(headers).get("x-plex-token"))).toEqual([
      "direct-token-first-11",
      "direct-token-second-22",
    ]);
  });

  it("follows same-origin redirects through fetch and stops after MAX_REDIRECTS", async () => {
    const urls: string[] = [];
    const client = createPlexClient({
      ...options,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        urls.push(`${request.redirect} ${request.url} ${request.headers.get("x-plex-token")}`);
        return new Response(null, { status: 302, headers: { location: `/hop${urls.length}` } });
      },
    });
    const error = await failure<PlexAPIError>(client.request({ ...signIn, method: "GET", body: undefined }));
    expect(error).toBeInstanceOf(PlexAPIError);
    expect(error.message).toMatch(/Stopped after 5 redirects/);
    expect(urls).toHaveLength(MAX_REDIRECTS + 1);
    expect(urls[1]).toBe(`manual https://plex.tv/hop1 ${TOKEN}`);
  });

  it("refuses a redirect to another origin without calling fetch again", async () => {
    let calls = 0;
    const client = createPlexClient({
      ...options,
      fetch: async () => {
        calls++;
        return new Response(null, { status: 307, headers: { location: "https://elsewhere.test/x" } });
      },
    });
    const error = await failure<PlexAPIError>(client.request({ ...signIn, method: "GET", body: undefined }));
    expect(error.statusCode).toBe(307);
    expect(error.message).toMatch(/another origin/);
    expect(calls).toBe(1);
  });
});
