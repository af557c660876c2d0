import { useRecordingServer } from "@plex/demo-plex/recording";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  createPlexClient,
  type Middleware,
  PlexAbortError,
  PlexAPIError,
  type PlexClientOptions,
  PlexInvalidRequestError,
  PlexUnauthorizedError,
  PlexValidationError,
  type RequestSpec,
} from "../src/index";
import { failure } from "./helpers/failure";

const PLEX_TV = "https://plex.tv/api/v2";
const PMS = "http://pms.test:32400";
const TOKEN = "contract-token-81c3";

const { server, seen, record } = useRecordingServer();

/** Registers a handler that records a clone of what the server saw. */
function answer(
  method: "get" | "post",
  url: string,
  respond: (request: Request) => Response | Promise<Response>,
) {
  server.use(
    http[method](url, async ({ request }) => {
      await record(request);
      return respond(request);
    }),
  );
}

const options: PlexClientOptions = {
  clientIdentifier: "contract-install-0042",
  product: "Core Contract",
  version: "1.2.3",
  platform: "Linux",
  platformVersion: "6.1",
  device: "PC",
  deviceName: "Test Bench",
  model: "bench",
  deviceVendor: "Example",
  marketplace: "none",
  accessToken: TOKEN,
  serverURL: PMS,
  retry: { initialDelayMs: 1, maxDelayMs: 2 },
};

const AnySchema = z.looseObject({});
const TokenSchema = z.object({ MediaContainer: z.object({ token: z.string() }) });

function spec<T>(over: Partial<RequestSpec<T>> & Pick<RequestSpec<T>, "responseSchema">): RequestSpec<T> {
  return { method: "GET", server: "plextv", path: "/user", auth: true, idempotent: true, ...over };
}

describe("what the server sees", () => {
  it("sends identity headers, Accept exactly application/json and the token header only", async () => {
    answer("get", `${PLEX_TV}/user`, () => HttpResponse.json({ id: 1 }));
    const response = await createPlexClient(options).request(spec({ responseSchema: AnySchema }));
    expect(response.statusCode).toBe(200);
    expect(response.contentType).toMatch(/application\/json/);
    expect(response.data).toEqual({ id: 1 });
    const request = seen[0]!;
    expect(request.method).toBe("GET");
    expect(request.url.href).toBe(`${PLEX_TV}/user`);
    expect(Object.fromEntries(request.headers)).toMatchObject({
      accept: "application/json",
      "x-plex-client-identifier": "contract-install-0042",
      "x-plex-product": "Core Contract",
      "x-plex-version": "1.2.3",
      "x-plex-platform": "Linux",
      "x-plex-platform-version": "6.1",
      "x-plex-device": "PC",
      "x-plex-device-name": "Test Bench",
      "x-plex-model": "bench",
      "x-plex-device-vendor": "Example",
      "x-plex-marketplace": "none",
      "x-plex-token": TOKEN,
    });
    expect(request.headers.has("accepts")).toBe(false);
    expect(request.url.searchParams.has("X-Plex-Token")).toBe(false);
  });

  it("omits identity headers that are not set", async () => {
    answer("get", `${PLEX_TV}/user`, () => HttpResponse.json({}));
    await createPlexClient({ clientIdentifier: "bare-id", accessToken: TOKEN }).request(
      spec({ responseSchema: AnySchema }),
    );
    const names = [...seen[0]!.headers.keys()].filter((name) => name.startsWith("x-plex-"));
    expect(names.sort()).toEqual(["x-plex-client-identifier", "x-plex-token"]);
  });

  it("posts a form body without the token when the operation needs none (sign-in)", async () => {
    answer("post", `${PLEX_TV}/users/signin`, () =>
      HttpResponse.json({ authToken: "new-one-xyz" }, { status: 201 }),
    );
    const response = await createPlexClient(options).request(
      spec({
        method: "POST",
        path: "/users/signin",
        auth: false,
        idempotent: false,
        headers: { "X-Plex-Client-Identifier": "override-id" },
        body: {
          form: {
            login: "kim@example.org",
            password: "pw 1&2",
            rememberMe: true,
            verificationCode: undefined,
          },
        },
        responseSchema: z.object({ authToken: z.string() }),
      }),
    );
    expect(response.statusCode).toBe(201);
    const request = seen[0]!;
    expect(request.method).toBe("POST");
    expect(request.headers.has("x-plex-token")).toBe(false);
    expect(request.headers.get("x-plex-client-identifier")).toBe("override-id");
    expect(request.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      login: "kim@example.org",
      password: "pw 1&2",
      // The API spec types it as a boolean, which a form encodes as true/false (query flags stay 1/0).
      rememberMe: "true",
    });
  });

  it("sends a JSON body and a query with booleans as 1/0 and undefined dropped", async () => {
    answer("post", `${PMS}/security/token`, () =>
      HttpResponse.json({ MediaContainer: { token: "transient-1" } }),
    );
    const response = await createPlexClient(options).request(
      spec({
        method: "POST",
        server: "pms",
        path: "/security/token",
        query: { type: "delegation", scope: "all", refresh: false, skip: undefined, n: 3 },
        body: { json: { hello: "world" } },
        responseSchema: TokenSchema,
      }),
    );
    expect(response.data.MediaContainer.token).toBe("transient-1");
    const url = seen[0]!.url;
    expect(url.origin + url.pathname).toBe(`${PMS}/security/token`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      type: "delegation",
      scope: "all",
      refresh: "0",
      n: "3",
    });
    expect(seen[0]!.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(seen[0]!.body)).toEqual({ hello: "world" });
  });

  it("uses the per-call serverURL over the client's", async () => {
    answer("get", "http://other.test:32400/identity", () => HttpResponse.json({}));
    await createPlexClient(options).request(
      spec({ server: "pms", path: "/identity", auth: false, responseSchema: AnySchema }),
      { serverURL: "http://other.test:32400" },
    );
    expect(seen[0]!.url.href).toBe("http://other.test:32400/identity");
  });

  it("a pms request without any serverURL fails before sending", async () => {
    const client = createPlexClient({ clientIdentifier: "x" });
    await expect(
      client.request(spec({ server: "pms", auth: false, responseSchema: AnySchema })),
    ).rejects.toThrow(/set serverURL/);
    expect(seen).toHaveLength(0);
  });

  it("an auth request without a token fails before sending", async () => {
    const error = await createPlexClient({ clientIdentifier: "x" })
      .request(spec({ responseSchema: AnySchema, operation: "getTokenDetails" }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlexInvalidRequestError);
    expect((error as Error).message).toMatch(/getTokenDetails needs an access token/);
  });

  it("rejects CR/LF in per-call headers and an X-Plex-Token header", async () => {
    const client = createPlexClient(options);
    await expect(
      client.request(spec({ responseSchema: AnySchema }), { headers: { "X-Note": "a\r\nb" } }),
    ).rejects.toBeInstanceOf(PlexInvalidRequestError);
    await expect(
      client.request(spec({ auth: false, responseSchema: AnySchema }), {
        headers: { "x-plex-token": "sneaky-token" },
      }),
    ).rejects.toThrow(/accessToken option/);
    expect(seen).toHaveLength(0);
  });

  it("calls a token function on every attempt, so a refreshed token is used", async () => {
    let calls = 0;
    answer("get", `${PLEX_TV}/user`, () =>
      calls === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({}),
    );
    const client = createPlexClient({ ...options, accessToken: async () => `refreshed-token-${++calls}` });
    await client.request(spec({ responseSchema: AnySchema }));
    expect(seen.map((request) => request.headers.get("x-plex-token"))).toEqual([
      "refreshed-token-1",
      "refreshed-token-2",
    ]);
  });
});

describe("responses", () => {
  it("decodes XML into the JSON shape before validating", async () => {
    answer("get", `${PMS}/security/token`, () =>
      HttpResponse.xml('<?xml version="1.0"?><MediaContainer size="0" token="transient-from-xml"/>'),
    );
    const response = await createPlexClient(options).request(
      spec({ server: "pms", path: "/security/token", responseSchema: TokenSchema }),
    );
    expect(response.data).toEqual({ MediaContainer: { token: "transient-from-xml" } });
    expect(response.contentType).toMatch(/xml/);
  });

  it("gives undefined data for 204", async () => {
    answer("post", `${PLEX_TV}/ping`, () => new HttpResponse(null, { status: 204 }));
    const response = await createPlexClient(options).request(
      spec({ method: "POST", path: "/ping", responseSchema: z.undefined() }),
    );
    expect(response.statusCode).toBe(204);
    expect(response.data).toBeUndefined();
  });

  it("a body that does not match the schema is a PlexValidationError with issues and a redacted raw value", async () => {
    answer("get", `${PLEX_TV}/user`, () => HttpResponse.json({ authToken: "leak-me-not-123", id: "x" }));
    const error = (await createPlexClient(options)
      .request(spec({ responseSchema: z.object({ id: z.number() }), operation: "getTokenDetails" }))
      .catch((e: unknown) => e)) as PlexValidationError;
    expect(error).toBeInstanceOf(PlexValidationError);
    expect(error.message).toMatch(/getTokenDetails response has an unexpected shape: id:/);
    expect(error.issues[0]?.path).toEqual(["id"]);
    expect(JSON.stringify(error.rawValue)).not.toContain("leak-me-not-123");
  });

  it("a captive portal's HTML with 200 is a PlexValidationError naming the content type", async () => {
    answer("get", `${PLEX_TV}/user`, () => HttpResponse.html("<html>Log in to the Wi-Fi</html>"));
    await expect(createPlexClient(options).request(spec({ responseSchema: AnySchema }))).rejects.toThrow(
      /text\/html/,
    );
  });

  it("maps a JSON 401 to PlexUnauthorizedError and does not retry it", async () => {
    answer("get", `${PLEX_TV}/user`, () =>
      HttpResponse.json(
        { errors: [{ code: 1001, message: "User could not be authenticated", status: 401 }] },
        { status: 401 },
      ),
    );
    const error = await createPlexClient(options)
      .request(spec({ responseSchema: AnySchema }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlexUnauthorizedError);
    expect(seen).toHaveLength(1);
  });
});

describe("retries", () => {
  it("retries an idempotent request on 503 until it succeeds", async () => {
    let calls = 0;
    answer("get", `${PLEX_TV}/user`, () =>
      ++calls < 3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({}),
    );
    await createPlexClient(options).request(spec({ responseSchema: AnySchema }));
    expect(seen).toHaveLength(3);
  });

  it("never retries a non-idempotent request (sign-in)", async () => {
    answer("post", `${PLEX_TV}/users/signin`, () => new HttpResponse(null, { status: 503 }));
    const error = await createPlexClient(options)
      .request(
        spec({
          method: "POST",
          path: "/users/signin",
          auth: false,
          idempotent: false,
          responseSchema: AnySchema,
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlexAPIError);
    expect(seen).toHaveLength(1);
  });

  it("retry: false per call turns retries off", async () => {
    answer("get", `${PLEX_TV}/user`, () => new HttpResponse(null, { status: 503 }));
    await expect(
      createPlexClient(options).request(spec({ responseSchema: AnySchema }), { retry: false }),
    ).rejects.toBeInstanceOf(PlexAPIError);
    expect(seen).toHaveLength(1);
  });

  it("stops after maxRetries", async () => {
    answer("get", `${PLEX_TV}/user`, () => new HttpResponse(null, { status: 500 }));
    await expect(
      createPlexClient(options).request(spec({ responseSchema: AnySchema }), {
        retry: { maxRetries: 1, initialDelayMs: 1 },
      }),
    ).rejects.toBeInstanceOf(PlexAPIError);
    expect(seen).toHaveLength(2);
  });
});

describe("middleware", () => {
  it("runs user middleware outermost, then logging, then auth, then the redirect guard, then fetch", async () => {
    const order: string[] = [];
    const tag =
      (name: string): Middleware =>
      async (request, next) => {
        order.push(`${name}:${request.headers.has("x-plex-token") ? "token" : "no-token"}`);
        const response = await next(request);
        order.push(`${name}:done`);
        return response;
      };
    const logged: string[] = [];
    const client = createPlexClient({
      ...options,
      middleware: [tag("first"), tag("second")],
      logger: { debug: (message) => logged.push(message) },
      fetch: async (_url, init) => {
        const token = (init?.headers as Record<string, string> | undefined)?.["X-Plex-Token"];
        order.push(`fetch:${token === TOKEN ? "token" : "no-token"}`);
        return Response.json({});
      },
    });
    await client.request(spec({ responseSchema: AnySchema }));
    expect(order).toEqual(["first:no-token", "second:no-token", "fetch:token", "second:done", "first:done"]);
    expect(logged).toEqual(["plex request", "plex response"]);
  });

  it("lets middleware answer without calling next", async () => {
    const client = createPlexClient({
      ...options,
      middleware: [async () => Response.json({ cached: true })],
      fetch: async () => {
        throw new Error("must not be called");
      },
    });
    const response = await client.request(spec({ responseSchema: AnySchema }));
    expect(response.data).toEqual({ cached: true });
  });

  it("middleware can add headers the server sees", async () => {
    answer("get", `${PLEX_TV}/user`, () => HttpResponse.json({}));
    const addTrace: Middleware = (request, next) => {
      const headers = new Headers(request.headers);
      headers.set("X-Trace", "abc");
      return next(new Request(request, { headers }));
    };
    await createPlexClient({ ...options, middleware: [addTrace] }).request(
      spec({ responseSchema: AnySchema }),
    );
    expect(seen[0]!.headers.get("x-trace")).toBe("abc");
    expect(seen[0]!.headers.get("x-plex-token")).toBe(TOKEN);
  });
});

describe("abort", () => {
  it("a signal that is not an AbortSignal is a PlexInvalidRequestError", async () => {
    const options = { signal: {} as AbortSignal };
    await expect(
      createPlexClient({ clientIdentifier: "x" }).request(
        spec({ auth: false, responseSchema: AnySchema }),
        options,
      ),
    ).rejects.toBeInstanceOf(PlexInvalidRequestError);
  });

  it("an already aborted signal fails with PlexAbortError before sending", async () => {
    await expect(
      createPlexClient(options).request(spec({ responseSchema: AnySchema }), { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(PlexAbortError);
    expect(seen).toHaveLength(0);
  });
});

describe("robustness", () => {
  it("a throwing logger does not break the request", async () => {
    answer("get", `${PLEX_TV}/user`, () => HttpResponse.json({ ok: 1 }));
    const client = createPlexClient({
      ...options,
      logger: {
        debug: () => {
          throw new Error("logger down");
        },
      },
    });
    await expect(client.request(spec({ responseSchema: AnySchema }))).resolves.toMatchObject({
      data: { ok: 1 },
    });
  });

  it("a throwing token function is a PlexInvalidRequestError that does not repeat its message", async () => {
    const client = createPlexClient({
      ...options,
      accessToken: () => {
        throw new Error("vault said contract-old-token-1");
      },
    });
    const error = await failure(client.request(spec({ responseSchema: AnySchema })));
    expect(error).toBeInstanceOf(PlexInvalidRequestError);
    expect(error.message).not.toContain("contract-old-token-1");
    expect(seen).toHaveLength(0);
  });
});
