import type { IncomingMessage, ServerResponse } from "node:http";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  createPlexClient,
  PlexAbortError,
  PlexAPIError,
  type PlexClientOptions,
  PlexConnectionError,
  PlexRateLimitError,
  PlexTimeoutError,
  type RequestSpec,
} from "../src/index";
import { failure } from "./helpers/failure";
import { startServer, type TestServer } from "./helpers/http-server";

// What msw cannot show: real sockets, resets, stalls, redirects across two origins.
const TOKEN = "socket-token-3e9b77";
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(host: string, handler: Parameters<typeof startServer>[1]) {
  const server = await startServer(host, handler);
  servers.push(server);
  return server;
}

const Schema = z.looseObject({});
const get: RequestSpec<Record<string, unknown>> = {
  method: "GET",
  server: "pms",
  path: "/identity",
  auth: true,
  idempotent: true,
  responseSchema: Schema,
};
const signIn: RequestSpec<Record<string, unknown>> = {
  ...get,
  method: "POST",
  path: "/users/signin",
  auth: false,
  idempotent: false,
  body: { form: { login: "a@example.org", password: "pw-socket" } },
};

function client(serverURL: string, extra: Partial<PlexClientOptions> = {}) {
  return createPlexClient({
    clientIdentifier: "socket-tests",
    accessToken: TOKEN,
    serverURL,
    timeoutMs: 2_000,
    retry: { initialDelayMs: 1, maxDelayMs: 5 },
    ...extra,
  });
}

const ok = (_request: IncomingMessage, response: ServerResponse) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.end('{"ok":true}');
};

describe("connection failures", () => {
  it("a reset socket is a PlexConnectionError naming the host, retried for idempotent requests", async () => {
    const server = await serve("127.0.0.1", (request) => request.socket.destroy());
    const error = await failure<PlexConnectionError>(client(server.url).request(get));
    expect(error).toBeInstanceOf(PlexConnectionError);
    expect(error.host).toBe(new URL(server.url).host);
    expect(error.message).toContain(new URL(server.url).host);
    expect(server.seen).toHaveLength(3);
  });

  it("a reset during sign-in is not retried", async () => {
    const server = await serve("127.0.0.1", (request) => request.socket.destroy());
    await expect(client(server.url).request(signIn)).rejects.toBeInstanceOf(PlexConnectionError);
    expect(server.seen).toHaveLength(1);
  });

  it("a refused connection is a PlexConnectionError", async () => {
    const server = await serve("127.0.0.1", ok);
    const url = server.url;
    await server.close();
    servers.length = 0;
    await expect(client(url, { retry: false }).request(get)).rejects.toBeInstanceOf(PlexConnectionError);
  });

  it("keeps fetch's error as a hidden cause that util.inspect and JSON never show", async () => {
    const server = await serve("127.0.0.1", ok);
    const url = server.url;
    await server.close();
    servers.length = 0;
    const error = await failure<PlexConnectionError>(client(url, { retry: false }).request(get));
    const cause = error.cause as { cause?: { code?: string } };
    expect(cause).toBeInstanceOf(Error);
    expect(cause.cause?.code).toBe("ECONNREFUSED");
    expect(Object.keys(error)).not.toContain("cause");
    // A cause that echoes a secret (as fetch does for a URL with credentials) stays out of both.
    const leaky = new PlexConnectionError("Could not connect", {
      host: "h.test",
      cause: new TypeError(`fetch failed for http://user:${TOKEN}@h.test/`),
    });
    expect(inspect(leaky, { depth: 10 })).not.toContain(TOKEN);
    expect(JSON.stringify(leaky)).not.toContain(TOKEN);
    expect(inspect(error, { depth: 10 })).not.toContain("ECONNREFUSED\n    at");
  });

  it("a truncated body (Content-Length larger than what arrives) is a PlexConnectionError", async () => {
    const server = await serve("127.0.0.1", (_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "200" });
      response.write('{"partial":');
      setTimeout(() => response.socket?.destroy(), 10);
    });
    await expect(client(server.url, { retry: false }).request(get)).rejects.toBeInstanceOf(
      PlexConnectionError,
    );
  });
});

describe("timeouts and aborts", () => {
  it("a server that never answers ends in PlexTimeoutError after timeoutMs, per attempt", async () => {
    const server = await serve("127.0.0.1", () => {});
    const started = performance.now();
    const error = await failure<PlexTimeoutError>(
      client(server.url, { retry: { maxRetries: 1, initialDelayMs: 1 } }).request(get, { timeoutMs: 80 }),
    );
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(PlexTimeoutError);
    expect(error.timeoutMs).toBe(80);
    expect(server.seen).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(4_000);
  });

  it("a body that stalls after the headers also times out", async () => {
    const server = await serve("127.0.0.1", (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"slow":');
    });
    await expect(client(server.url, { retry: false }).request(get, { timeoutMs: 80 })).rejects.toBeInstanceOf(
      PlexTimeoutError,
    );
  });

  it("the caller's signal ends a stalled request at once with PlexAbortError, not a timeout", async () => {
    const server = await serve("127.0.0.1", () => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 40);
    const started = performance.now();
    const error = await client(server.url)
      .request(get, { signal: controller.signal, timeoutMs: 5_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlexAbortError);
    expect(error).not.toBeInstanceOf(PlexTimeoutError);
    expect(performance.now() - started).toBeLessThan(2_500);
  });

  it("the caller's signal ends a retry back-off at once", async () => {
    // Retry-After makes the back-off a fixed 10 s (jitter could pick a tiny one). The abort is scheduled once the
    // server has answered, so it lands in the back-off even when a loaded machine is slow to send the request.
    const controller = new AbortController();
    const server = await serve("127.0.0.1", (_request, response) => {
      response.writeHead(503, { "retry-after": "10" });
      response.end();
      setTimeout(() => controller.abort(), 60);
    });
    const started = performance.now();
    const pending = client(server.url)
      .request(get, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(await pending).toBeInstanceOf(PlexAbortError);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(server.seen).toHaveLength(1);
  });
});

describe("Retry-After", () => {
  it("is honoured: the next attempt waits as long as the server asked", async () => {
    const server = await serve("127.0.0.1", (request, response) => {
      if (server.seen.length === 1) {
        response.writeHead(429, { "retry-after": "1" });
        response.end();
      } else ok(request, response);
    });
    await client(server.url).request(get);
    expect(server.seen).toHaveLength(2);
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("beyond maxRetryAfterMs it throws PlexRateLimitError at once", async () => {
    const server = await serve("127.0.0.1", (_request, response) => {
      response.writeHead(429, { "retry-after": "120", "content-type": "application/json" });
      response.end('{"errors":[{"code":1003,"message":"Slow down","status":429}]}');
    });
    const started = performance.now();
    const error = await failure<PlexRateLimitError>(client(server.url).request(get));
    expect(error).toBeInstanceOf(PlexRateLimitError);
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.message).toBe("Slow down");
    expect(server.seen).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe("redirects", () => {
  it("never follows a redirect to another origin: the second server receives nothing", async () => {
    const other = await serve("127.0.0.2", ok);
    const server = await serve("127.0.0.1", (_request, response) => {
      response.writeHead(302, { location: `${other.url}/identity` });
      response.end();
    });
    const error = await failure<PlexAPIError>(client(server.url).request(get));
    expect(error).toBeInstanceOf(PlexAPIError);
    expect(error.statusCode).toBe(302);
    expect(error.message).toMatch(/another origin/);
    expect(server.seen[0]!.headers["x-plex-token"]).toBe(TOKEN);
    expect(other.seen).toHaveLength(0);
  });

  it("refuses even a same-host redirect to another port or scheme (another origin)", async () => {
    const other = await serve("127.0.0.1", ok);
    const server = await serve("127.0.0.1", (_request, response) => {
      response.writeHead(307, { location: `${other.url}/identity` });
      response.end();
    });
    await expect(client(server.url).request(get)).rejects.toThrow(/another origin/);
    expect(other.seen).toHaveLength(0);
  });

  it("follows same-origin redirects with the token, keeping method and body on 307", async () => {
    const server = await serve("127.0.0.1", (request, response) => {
      if (request.url === "/users/signin") {
        response.writeHead(307, { location: "/v2/users/signin" });
        response.end();
      } else ok(request, response);
    });
    const spec = { ...signIn, auth: true };
    await client(server.url).request(spec);
    expect(server.seen.map((seen) => `${seen.method} ${seen.url}`)).toEqual([
      "POST /users/signin",
      "POST /v2/users/signin",
    ]);
    expect(server.seen[1]!.body).toBe(server.seen[0]!.body);
    expect(server.seen[1]!.headers["x-plex-token"]).toBe(TOKEN);
  });

  it("turns POST into GET without a body on 303", async () => {
    const server = await serve("127.0.0.1", (request, response) => {
      if (request.method === "POST") {
        response.writeHead(303, { location: "/result" });
        response.end();
      } else ok(request, response);
    });
    await client(server.url).request(signIn);
    expect(server.seen[1]).toMatchObject({ method: "GET", url: "/result", body: "" });
    expect(server.seen[1]!.headers["content-type"]).toBeUndefined();
  });

  it("stops a redirect loop after 5 hops", async () => {
    const server = await serve("127.0.0.1", (_request, response) => {
      response.writeHead(302, { location: "/identity" });
      response.end();
    });
    await expect(client(server.url).request(get)).rejects.toThrow(/Stopped after 5 redirects/);
    expect(server.seen).toHaveLength(6);
  });
});

describe("load", () => {
  it("500 concurrent requests all complete", async () => {
    let n = 0;
    const server = await serve("127.0.0.1", (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ n: ++n }));
    });
    // No retries and a generous timeout: every one of the 500 must succeed on its first attempt.
    const plex = client(server.url, { retry: false, timeoutMs: 20_000 });
    const results = await Promise.all(Array.from({ length: 500 }, () => plex.request(get)));
    expect(results).toHaveLength(500);
    expect(new Set(results.map((result) => result.data.n)).size).toBe(500);
    expect(server.seen).toHaveLength(500);
  }, 30_000); // plain fetch alone needs 1-3 s for 500 connections on a busy 2-core machine
});
