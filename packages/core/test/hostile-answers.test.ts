import { getEventListeners } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  createPlexClient,
  type Middleware,
  PlexAPIError,
  type PlexClientOptions,
  type PlexError,
  PlexInvalidRequestError,
  type RequestSpec,
} from "../src/index";
import { failure } from "./helpers/failure";
import { startServer, type TestServer } from "./helpers/http-server";

// Each hole of issue 10 (answers and callers a hostile or careless world sends), one test or more.
const TOKEN = "hostile-token-5d1e9c7a";
const PASSWORD = "hostile-password-3b8f";
const get: RequestSpec<Record<string, unknown>> = {
  method: "GET",
  server: "plextv",
  path: "/user",
  auth: true,
  idempotent: true,
  responseSchema: z.object({ id: z.number() }),
};
const options = (fetch: typeof globalThis.fetch, extra: Partial<PlexClientOptions> = {}) =>
  createPlexClient({
    clientIdentifier: "hostile-tests",
    accessToken: TOKEN,
    retry: { initialDelayMs: 1, maxDelayMs: 2 },
    fetch,
    ...extra,
  });
const answering = (make: () => Response, extra: Partial<PlexClientOptions> = {}) => {
  let calls = 0;
  const client = options(async () => {
    calls++;
    return make();
  }, extra);
  return { client, calls: () => calls };
};
const printed = (error: unknown) => `${inspect(error, { depth: 20 })}\n${JSON.stringify(error)}`;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe("1. redaction is linear and truncation leaks nothing", () => {
  const MB10 = 10 * 1024 * 1024;
  for (const [label, unit, type] of [
    ["<token ", "<token ", "text/xml"],
    ["<password\\t", "<password\t", "application/xml"],
    ['"authToken":"', '"authToken":"', "application/json"],
  ] as const) {
    it(`maps a 10 MB body of ${label} to its error in under 100 ms of CPU`, async () => {
      const body = unit.repeat(Math.ceil(MB10 / unit.length));
      const { client } = answering(
        () => new Response(body, { status: 500, headers: { "content-type": type } }),
        {
          retry: false,
          maxResponseBytes: 2 * MB10,
        },
      );
      const started = process.cpuUsage();
      const error = await failure<PlexAPIError>(client.request(get));
      const used = process.cpuUsage(started);
      expect(error).toBeInstanceOf(PlexAPIError);
      expect(error.body.length).toBeLessThanOrEqual(2_001);
      // Reading 10 MB and encoding it is part of the figure; the redaction itself is a window.
      expect((used.user + used.system) / 1000).toBeLessThan(100);
    });
  }

  it("leaves no secret, and no prefix of one longer than 4 characters, where the body is cut", async () => {
    for (let offset = 1_990; offset <= 2_001; offset++) {
      const body = `${"x".repeat(offset)}${TOKEN} and ${PASSWORD}`;
      const { client } = answering(() => new Response(body, { status: 500 }), { retry: false });
      const error = await failure<PlexAPIError>(client.request(get));
      for (let size = 5; size <= TOKEN.length; size++) {
        expect(error.body.endsWith(TOKEN.slice(0, size)) || error.body.includes(TOKEN)).toBe(false);
      }
      expect(printed(error)).not.toContain(TOKEN);
    }
  });
});

describe("2. maxResponseBytes", () => {
  it("stops at 8 MiB by default with a non-retryable error naming the limit, cancelling the body, sent once", async () => {
    let pulled = 0;
    let cancelled = false;
    const { client, calls } = answering(
      () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              pulled++;
              controller.enqueue(new Uint8Array(1024 * 1024));
            },
            cancel() {
              cancelled = true;
            },
          }),
          { headers: { "content-type": "application/json" } },
        ),
    );
    const error = await failure<PlexError>(client.request(get));
    expect(error.name).toBe("PlexResponseTooLargeError");
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain("8388608");
    expect(error.message).toMatch(/raise .*maxResponseBytes|maxResponseBytes.*raise/);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(12);
    expect(calls()).toBe(1);
  });

  it("refuses an announced Content-Length over the limit without reading the body", async () => {
    let cancelled = false;
    const { client } = answering(
      () =>
        new Response(
          new ReadableStream({
            cancel() {
              cancelled = true;
            },
          }),
          { headers: { "content-type": "application/json", "content-length": "9000000" } },
        ),
    );
    expect((await failure<PlexError>(client.request(get))).name).toBe("PlexResponseTooLargeError");
    expect(cancelled).toBe(true);
  });

  it("takes a client and a per-call limit", async () => {
    const body = JSON.stringify({ id: 1, pad: "y".repeat(2_000) });
    const { client } = answering(() => Response.json(JSON.parse(body)), { maxResponseBytes: 1_000 });
    expect((await failure<PlexError>(client.request(get))).name).toBe("PlexResponseTooLargeError");
    expect((await client.request(get, { maxResponseBytes: 10_000 })).data.id).toBe(1);
    const small = (await failure<PlexError>(client.request(get, { maxResponseBytes: 100 }))).message;
    expect(small).toContain("(100)");
    await expect(client.request(get, { maxResponseBytes: -1 })).rejects.toBeInstanceOf(
      PlexInvalidRequestError,
    );
  });

  it("catches a gzip bomb from a real server by what it inflates to, without the memory", async () => {
    // 96 gzip members of 16 MiB of zeros each: about 1.5 MB on the wire, 1.5 GB inflated.
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024));
    const server: Server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      let sent = 0;
      const pump = () => {
        while (sent < 96) {
          sent++;
          if (!response.write(member)) return void response.once("drain", pump);
        }
        response.end();
      };
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(
      () =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    const { port } = server.address() as AddressInfo;
    const client = createPlexClient({
      clientIdentifier: "hostile-tests",
      serverURL: `http://127.0.0.1:${port}`,
    });
    const before = process.memoryUsage().rss;
    const error = await failure<PlexError>(
      client.request({ ...get, server: "pms", auth: false }, { maxResponseBytes: 8 * 1024 * 1024 }),
    );
    const grown = process.memoryUsage().rss - before;
    expect(error.name).toBe("PlexResponseTooLargeError");
    // Under 2 MB went over the wire: only counting the inflated bytes can have stopped it.
    expect(member.length * 96).toBeLessThan(2 * 1024 * 1024);
    expect(grown).toBeLessThan(200 * 1024 * 1024);
    console.info(
      `gzip bomb: RSS grew by ${(grown / 1024 / 1024).toFixed(1)} MiB before the limit stopped it`,
    );
  });
});

describe("3. credentials in URLs", () => {
  for (const field of ["serverURL", "plexTvURL"] as const) {
    it(`refuses ${field} with user:password@ without echoing the password`, () => {
      const error = (() => {
        try {
          createPlexClient({ clientIdentifier: "x", [field]: `https://someone:${PASSWORD}@plex.example/` });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(PlexInvalidRequestError);
      expect(printed(error)).not.toContain(PASSWORD);
      expect(String((error as Error).message)).toMatch(/credentials/);
    });
  }

  it("refuses a per-call serverURL with credentials before sending", async () => {
    const { client, calls } = answering(() => Response.json({ id: 1 }));
    const error = await failure(client.request(get, { serverURL: `http://u:${PASSWORD}@h.test` }));
    expect(error).toBeInstanceOf(PlexInvalidRequestError);
    expect(printed(error)).not.toContain(PASSWORD);
    expect(calls()).toBe(0);
  });
});

describe("4. secrets echoed in response headers and object keys", () => {
  it("scrubs the token from header values and names of an API error", async () => {
    const { client } = answering(
      () =>
        new Response('{"errors":[{"message":"no"}]}', {
          status: 401,
          headers: { "x-echo": `you sent ${TOKEN}`, [`x-${TOKEN}`]: "1", "content-type": "application/json" },
        }),
    );
    const error = await failure<PlexAPIError>(client.request(get));
    expect(printed(error)).not.toContain(TOKEN);
    expect(error.headers.get("x-echo")).toBe("you sent [REDACTED]");
    expect(error.rawResponse?.headers.get("x-echo")).toContain(TOKEN);
  });

  it("scrubs the token used as a JSON key from a validation error", async () => {
    const { client } = answering(() => Response.json({ id: "not a number", [TOKEN]: { ok: 1 } }));
    const error = await failure(client.request(get));
    expect(printed(error)).not.toContain(TOKEN);
  });

  it("scrubs a sign-in password echoed in a header", async () => {
    const { client } = answering(
      () => new Response("{}", { status: 500, headers: { "x-debug": `password was ${PASSWORD}` } }),
    );
    const signIn = { ...get, method: "POST" as const, auth: false, idempotent: false };
    const error = await failure(
      client.request({ ...signIn, body: { form: { login: "a", password: PASSWORD } } }),
    );
    expect(printed(error)).not.toContain(PASSWORD);
  });
});

describe("5. one list of secret names", () => {
  it("keeps services[].secret out of a validation error's rawValue", async () => {
    const secret = "service-secret-value-0042";
    const { client } = answering(() =>
      Response.json({
        id: "x",
        services: [{ identifier: "metadata-dev", secret, endpoint: "https://e.test" }],
      }),
    );
    const error = await failure(client.request(get));
    expect(printed(error)).not.toContain(secret);
    expect(printed(error)).toContain("metadata-dev");
  });
});

describe("6. local mistakes are not network trouble", () => {
  it("a throwing middleware is a non-retryable PlexInvalidRequestError naming it, run once", async () => {
    let runs = 0;
    const broken: Middleware = async () => {
      runs++;
      throw new TypeError(`cannot read properties (token ${TOKEN})`);
    };
    const { client, calls } = answering(() => Response.json({ id: 1 }), { middleware: [broken] });
    const error = await failure<PlexInvalidRequestError>(client.request(get));
    expect(error).toBeInstanceOf(PlexInvalidRequestError);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/middleware threw.*TypeError: cannot read properties/);
    expect(printed(error)).not.toContain(TOKEN);
    expect(runs).toBe(1);
    expect(calls()).toBe(0);
  });

  it("a middleware that throws after fetch answered is not retried either", async () => {
    const late: Middleware = async (request, next) => {
      await next(request);
      throw new Error("post-processing failed");
    };
    const { client, calls } = answering(() => Response.json({ id: 1 }), { middleware: [late] });
    expect(await failure(client.request(get))).toBeInstanceOf(PlexInvalidRequestError);
    expect(calls()).toBe(1);
  });

  for (const name of ["Transfer-Encoding", "Connection", "Upgrade", "Expect", "Keep-Alive", "Host"]) {
    it(`a per-call ${name} header is refused before anything is sent`, async () => {
      const { client, calls } = answering(() => Response.json({ id: 1 }));
      const error = await failure<PlexInvalidRequestError>(client.request(get, { headers: { [name]: "x" } }));
      expect(error).toBeInstanceOf(PlexInvalidRequestError);
      expect(error.message).toContain(name);
      expect(calls()).toBe(0);
    });
  }
});

describe("7. a fetch that follows redirects itself", () => {
  let servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
  });

  it("refuses an answer that came from another origin and never returns its data", async () => {
    const other = await startServer("127.0.0.2", (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"id":666}');
    });
    const first = await startServer("127.0.0.1", (_request, response) => {
      response.writeHead(302, { location: `${other.url}/user` });
      response.end();
    });
    servers = [first, other];
    // A wrapper that rebuilds the request and so turns following back on.
    const following: typeof fetch = (input, init) => fetch(input, { ...init, redirect: "follow" });
    const client = createPlexClient({
      clientIdentifier: "hostile-tests",
      accessToken: TOKEN,
      serverURL: first.url,
      fetch: following,
      retry: false,
    });
    const error = await failure<PlexAPIError>(client.request({ ...get, server: "pms" }));
    expect(error).toBeInstanceOf(PlexAPIError);
    expect(error.message).toMatch(/another origin/);
    expect(error.rawResponse).toBeUndefined();
    expect(printed(error)).not.toContain("666");
  });
});

describe("8. one AbortSignal shared by many calls", () => {
  it("runs 1,000 concurrent calls on one signal without MaxListenersExceededWarning or a listener left", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const controller = new AbortController();
      const { client } = answering(() => Response.json({ id: 1 }));
      const results = await Promise.all(
        Array.from({ length: 1_000 }, () => client.request(get, { signal: controller.signal })),
      );
      expect(results).toHaveLength(1_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(warnings.filter((warning) => warning.name === "MaxListenersExceededWarning")).toEqual([]);
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("still aborts every call sharing the signal", async () => {
    const controller = new AbortController();
    const client = options(() => new Promise<Response>(() => {}));
    const calls = Array.from({ length: 50 }, () =>
      failure<PlexError>(client.request(get, { signal: controller.signal })),
    );
    controller.abort();
    const errors = await Promise.all(calls);
    expect(errors.every((error) => error.name === "PlexAbortError")).toBe(true);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

describe("6b. without middleware", () => {
  it("a fetch that resolves to something other than a Response is still a PlexConnectionError", async () => {
    const client = options((async () => undefined) as unknown as typeof fetch, { retry: false });
    const error = await failure<PlexError>(client.request(get));
    expect(error.name).toBe("PlexConnectionError");
  });
});
