import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { GetTransientTokenType, PlexAPI, PlexAPIError, Scope } from "@plex/auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkProxyRequest, createPlexProxy } from "../server/plex-proxy.js";
import { createProxySecret, injectProxySecret, secretMatches } from "../server/proxy-secret.js";
import { createProxyTargets, MAX_REGISTERED_SERVERS } from "../server/proxy-targets.js";
import { proxiedFetch } from "../src/proxied-fetch.js";
import {
  PROXY_LOCATION_HEADER,
  PROXY_PATH,
  PROXY_SECRET_HEADER,
  PROXY_SERVERS_PATH,
  PROXY_STATUS_HEADER,
  PROXY_TARGET_HEADER,
} from "../src/proxy-protocol.js";

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

async function listen(server: Server, host = "127.0.0.1"): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return `${host}:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** A stand-in Plex server on 127.0.0.1 that records what reached it; some paths redirect. */
const seen: Seen[] = [];
/** The second origin (127.0.0.2) a hostile redirect points at: nothing may ever reach it. */
const stolen: Seen[] = [];
let targetHost = "";
let otherHost = "";

function recorder(into: Seen[], answer: (url: string, res: import("node:http").ServerResponse) => void) {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      into.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      answer(req.url ?? "", res);
    });
  });
}

const target = recorder(seen, (url, res) => {
  if (url.startsWith("/hostile")) {
    res.writeHead(302, { location: `http://${otherHost}/steal${url}`, "access-control-allow-origin": "*" });
    return res.end("moved");
  }
  if (url.startsWith("/forged")) {
    // An upstream trying to speak the envelope's language: a fake status and Location on a 200.
    res.writeHead(200, { [PROXY_STATUS_HEADER]: "302", [PROXY_LOCATION_HEADER]: `http://${otherHost}/` });
    return res.end("{}");
  }
  if (url.startsWith("/security/token")) {
    // A same-origin move: the SDK may follow it (through the proxy again).
    res.writeHead(307, { location: `/moved${url}` });
    return res.end();
  }
  if (url.startsWith("/moved/security/token")) {
    res.writeHead(200, { "content-type": "application/json" });
    return res.end(JSON.stringify({ MediaContainer: { size: 0, token: "transient-after-move" } }));
  }
  res.writeHead(url.startsWith("/missing") ? 404 : 200, {
    "content-type": "application/json",
    "x-plex-protocol": "1.0",
    "set-cookie": "session=should-not-pass",
  });
  res.end(JSON.stringify({ MediaContainer: { size: 0, token: "transient-from-target" } }));
});
const other = recorder(stolen, (_url, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ MediaContainer: { size: 0, token: "attacker-data" } }));
});

const SECRET = createProxySecret();
const targets = createProxyTargets();
const proxyMiddleware = createPlexProxy({ secret: SECRET, targets, timeoutMs: 2_000 });
const playground = createServer((req, res) =>
  proxyMiddleware(req, res, () => {
    res.writeHead(404);
    res.end("not the proxy");
  }),
);
let playgroundHost = "";

beforeAll(async () => {
  targetHost = await listen(target);
  otherHost = await listen(other, "127.0.0.2");
  playgroundHost = await listen(playground);
  expect(targets.register(`http://${targetHost}`)).toMatchObject({ ok: true });
});
afterAll(async () => {
  await Promise.all([close(target), close(other), close(playground)]);
});
beforeEach(() => {
  seen.length = 0;
  stolen.length = 0;
});

interface Call {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** node:http rather than fetch, so a test can send any Host and Origin it likes. */
function call({ method = "GET", path = PROXY_PATH, headers = {}, body }: Call) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const [hostname, port] = playgroundHost.split(":");
    const req = httpRequest({ hostname, port: Number(port), method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

function fromPage(targetUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    [PROXY_SECRET_HEADER]: SECRET,
    [PROXY_TARGET_HEADER]: targetUrl,
    origin: `http://${playgroundHost}`,
    ...extra,
  };
}

/** What the page's own fetch does: proxiedFetch over a real fetch to the proxy. */
function pageFetch(secret = SECRET, server?: string): typeof globalThis.fetch {
  return proxiedFetch({
    secret,
    ...(server === undefined ? {} : { server }),
    fetch: (input, init) => fetch(new URL(String(input), `http://${playgroundHost}`), init),
  });
}

function messageOf(body: string): string {
  return JSON.parse(body).errors[0].message;
}

describe("the live-mode proxy", () => {
  it("forwards a GET to a registered target with the Plex headers, and the answer back in an envelope", async () => {
    const response = await call({
      headers: fromPage(`http://${targetHost}/security/resources?type=delegation&scope=all`, {
        "x-plex-token": "live-token-abc",
        "x-plex-client-identifier": "client-1",
        accept: "application/json",
        cookie: "playground=1",
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers[PROXY_STATUS_HEADER]).toBe("200");
    expect(JSON.parse(response.body)).toEqual({
      MediaContainer: { size: 0, token: "transient-from-target" },
    });
    expect(response.headers["x-plex-protocol"]).toBe("1.0");
    expect(response.headers["set-cookie"]).toBeUndefined();
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request).toMatchObject({ method: "GET", url: "/security/resources?type=delegation&scope=all" });
    expect(request!.headers).toMatchObject({
      "x-plex-token": "live-token-abc",
      "x-plex-client-identifier": "client-1",
      accept: "application/json",
      host: targetHost,
    });
    for (const name of ["origin", "cookie", PROXY_SECRET_HEADER, PROXY_TARGET_HEADER]) {
      expect(request!.headers[name]).toBeUndefined();
    }
  });

  it("forwards a POST body and reports an error status inside the envelope", async () => {
    const response = await call({
      method: "POST",
      headers: fromPage(`http://${targetHost}/missing/users/signin`, {
        "content-type": "application/x-www-form-urlencoded",
      }),
      body: "login=a%40example.com&password=pw",
    });
    expect(response.status).toBe(200);
    expect(response.headers[PROXY_STATUS_HEADER]).toBe("404");
    expect(seen[0]).toMatchObject({ method: "POST", body: "login=a%40example.com&password=pw" });
    expect(seen[0]!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  });

  it("answers a hostile 302 as a 200 envelope with no Location, never contacting the second origin", async () => {
    const response = await call({
      headers: fromPage(`http://${targetHost}/hostile/identity`, { "x-plex-token": "live-token-abc" }),
    });
    // A real 3xx (or a Location header) is what made the browser follow it with X-Plex-Token.
    expect(response.status).toBe(200);
    expect(response.headers.location).toBeUndefined();
    expect(response.headers["access-control-allow-origin"]).toBeUndefined();
    expect(response.headers[PROXY_STATUS_HEADER]).toBe("302");
    expect(response.headers[PROXY_LOCATION_HEADER]).toBe(`http://${otherHost}/steal/hostile/identity`);
    expect(seen).toHaveLength(1);
    expect(stolen).toEqual([]);
  });

  it("drops upstream headers that would forge the envelope", async () => {
    const response = await call({ headers: fromPage(`http://${targetHost}/forged`) });
    expect(response.headers[PROXY_STATUS_HEADER]).toBe("200");
    expect(response.headers[PROXY_LOCATION_HEADER]).toBeUndefined();
  });

  it("accepts same-origin requests that carry no Origin header (a same-origin GET)", async () => {
    const headers = fromPage(`http://${targetHost}/identity`);
    delete headers.origin;
    expect((await call({ headers })).status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it.each([
    "file:///etc/passwd",
    "ftp://example.com/x",
    "javascript:alert(1)",
    "data:text/plain,hi",
    "ws://127.0.0.1:1/",
    "not a url",
  ])("refuses the target %s without contacting anything", async (targetUrl) => {
    const response = await call({ headers: fromPage(targetUrl) });
    expect(response.status).toBe(400);
    expect(messageOf(response.body)).toMatch(/^Playground proxy: /);
    expect(seen).toHaveLength(0);
  });

  it("refuses a target that is neither plex.tv nor a registered server (no open relay)", async () => {
    const response = await call({ headers: fromPage(`http://${otherHost}/identity`) });
    expect(response.status).toBe(403);
    expect(messageOf(response.body)).toBe(
      `Playground proxy: http://${otherHost} is neither plex.tv nor a server entered in this session: enter it as the server URL in Settings`,
    );
    expect(stolen).toEqual([]);
  });

  it.each([
    ["no secret", { [PROXY_SECRET_HEADER]: "" }],
    [
      "a wrong secret of the same length",
      { [PROXY_SECRET_HEADER]: SECRET.replace(/^./, (c) => (c === "A" ? "B" : "A")) },
    ],
    ["a prefix of the secret", { [PROXY_SECRET_HEADER]: SECRET.slice(0, 10) }],
    ["another origin", { origin: "https://evil.example" }],
    ["another localhost port", { origin: "http://127.0.0.1:1" }],
    ["a null origin", { origin: "null" }],
    ["a non-loopback Host (DNS rebinding)", { host: "evil.example", origin: "http://evil.example" }],
  ])("refuses a request with %s with 403", async (_label, extra) => {
    const response = await call({ headers: fromPage(`http://${targetHost}/identity`, extra) });
    expect(response.status).toBe(403);
    expect(seen).toHaveLength(0);
  });

  it("says what the secret is for when it is missing", async () => {
    const headers = fromPage(`http://${targetHost}/identity`);
    delete headers[PROXY_SECRET_HEADER];
    const response = await call({ headers });
    expect(response.status).toBe(403);
    expect(messageOf(response.body)).toContain(`missing or wrong ${PROXY_SECRET_HEADER}`);
    expect(response.body).not.toContain(SECRET);
  });

  it.each([PROXY_PATH, PROXY_SERVERS_PATH])("refuses every preflight on %s, secret or not", async (path) => {
    const response = await call({
      method: "OPTIONS",
      path,
      headers: fromPage(`http://${targetHost}/identity`, {
        origin: "http://127.0.0.1:1",
        "access-control-request-method": "POST",
        "access-control-request-headers": `${PROXY_SECRET_HEADER},${PROXY_TARGET_HEADER}`,
      }),
    });
    expect(response.status).toBe(403);
    expect(response.headers["access-control-allow-origin"]).toBeUndefined();
    expect(response.headers["access-control-allow-headers"]).toBeUndefined();
    expect(seen).toHaveLength(0);
  });

  it("answers 502 naming only the host when the target is down (no token from the URL)", async () => {
    const down = createServer();
    const downHost = await listen(down);
    await new Promise((resolve) => down.close(resolve));
    targets.register(`http://${downHost}`);
    const response = await call({
      headers: fromPage(`http://${downHost}/user?X-Plex-Token=secret-in-query`),
    });
    expect(response.status).toBe(502);
    expect(response.body).toContain(downHost);
    expect(response.body).not.toContain("secret-in-query");
  });

  it("leaves other paths to the next middleware", async () => {
    const response = await call({ path: "/index.html", headers: fromPage(`http://${targetHost}/identity`) });
    expect(response.body).toBe("not the proxy");
  });
});

describe("registering a server", () => {
  it("needs the secret, then lets the proxy forward to that origin only", async () => {
    const local = createProxyTargets();
    const middleware = createPlexProxy({ secret: SECRET, targets: local });
    const server = createServer((req, res) => middleware(req, res, () => res.end()));
    const host = await listen(server);
    try {
      const register = (secret: string, body: string) =>
        fetch(`http://${host}${PROXY_SERVERS_PATH}`, {
          method: "POST",
          headers: { "content-type": "application/json", [PROXY_SECRET_HEADER]: secret },
          body,
        });
      expect((await register("wrong", JSON.stringify({ url: `http://${otherHost}` }))).status).toBe(403);
      expect(local.allows(new URL(`http://${otherHost}/`))).toBe(false);
      const refused = await register(SECRET, JSON.stringify({ url: "file:///etc/passwd" }));
      expect(refused.status).toBe(400);
      expect((await register(SECRET, "not json")).status).toBe(400);
      expect((await register(SECRET, JSON.stringify({ url: `http://${targetHost}/x?y` }))).status).toBe(204);
      expect(local.allows(new URL(`http://${targetHost}/identity`))).toBe(true);
      expect(local.allows(new URL(`http://${otherHost}/identity`))).toBe(false);
      expect(local.allows(new URL(`https://${targetHost}/identity`))).toBe(false);
    } finally {
      await close(server);
    }
  });

  it("keeps at most MAX_REGISTERED_SERVERS origins", () => {
    const local = createProxyTargets();
    for (let i = 0; i < MAX_REGISTERED_SERVERS; i++) {
      expect(local.register(`http://10.0.0.1:${1000 + i}`)).toMatchObject({ ok: true });
    }
    expect(local.register("http://10.0.0.2:1")).toMatchObject({ ok: false });
    expect(local.register("http://10.0.0.1:1000/again")).toMatchObject({ ok: true });
  });
});

describe("the SDK in live mode, through proxiedFetch and the real proxy", () => {
  const api = (fetch: typeof globalThis.fetch) =>
    new PlexAPI({
      clientIdentifier: "proxy-test-client",
      serverURL: `http://${targetHost}/hostile`,
      accessToken: "live-token-never-leaves",
      fetch,
    });

  it("refuses a hostile cross-origin redirect: the second origin never sees the token", async () => {
    const error = await api(pageFetch())
      .authentication.getTransientToken({ type: GetTransientTokenType.Delegation, scope: Scope.All })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlexAPIError);
    expect((error as PlexAPIError).statusCode).toBe(302);
    expect((error as PlexAPIError).message).toContain(`to another origin (http://${otherHost})`);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers["x-plex-token"]).toBe("live-token-never-leaves");
    expect(stolen).toEqual([]);
  });

  it("follows a same-origin redirect, each hop through the proxy", async () => {
    const plex = new PlexAPI({
      clientIdentifier: "proxy-test-client",
      serverURL: `http://${targetHost}`,
      accessToken: "live-token-never-leaves",
      fetch: pageFetch(),
    });
    const response = await plex.authentication.getTransientToken({
      type: GetTransientTokenType.Delegation,
      scope: Scope.All,
    });
    expect(response.data).toMatchObject({ MediaContainer: { token: "transient-after-move" } });
    expect(seen.map((request) => request.url)).toEqual([
      "/security/token?type=delegation&scope=all",
      "/moved/security/token?type=delegation&scope=all",
    ]);
    expect(stolen).toEqual([]);
  });

  it("registers the entered server before the first call (and the proxy then forwards to it)", async () => {
    const local = createProxyTargets();
    const middleware = createPlexProxy({ secret: SECRET, targets: local });
    const server = createServer((req, res) => middleware(req, res, () => res.end()));
    const host = await listen(server);
    try {
      const fetchVia = (withServer: boolean) =>
        proxiedFetch({
          secret: SECRET,
          ...(withServer ? { server: `http://${targetHost}` } : {}),
          fetch: (input, init) => fetch(new URL(String(input), `http://${host}`), init),
        });
      const before = await fetchVia(false)(`http://${targetHost}/identity`);
      expect(before.status).toBe(403);
      const after = await fetchVia(true)(`http://${targetHost}/identity`);
      expect(after.status).toBe(200);
      expect(seen).toHaveLength(1);
    } finally {
      await close(server);
    }
  });
});

describe("checkProxyRequest", () => {
  const policy = { secret: SECRET, targets: createProxyTargets() };
  const base = { method: "GET", host: "127.0.0.1:5173", origin: "http://127.0.0.1:5173", secret: SECRET };

  it.each(["https://plex.tv/api/v2/user", "https://clients.plex.tv/api/v2/resources"])(
    "allows %s without registration",
    (targetUrl) => {
      const decision = checkProxyRequest({ ...base, target: targetUrl }, policy);
      expect(decision.ok && decision.target.href).toBe(targetUrl);
    },
  );

  it.each([
    "http://plex.tv/api/v2/user",
    "https://plex.tv.evil.example/api/v2/user",
    "https://evilplex.tv/",
    "https://plex.tv:8443/",
    "http://192.168.1.10:32400/identity",
  ])("refuses the unlisted target %s with 403", (targetUrl) => {
    expect(checkProxyRequest({ ...base, target: targetUrl }, policy)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it("refuses user:password@ targets", () => {
    expect(checkProxyRequest({ ...base, target: "https://u:p@plex.tv/" }, policy)).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it("refuses a missing target", () => {
    expect(checkProxyRequest({ ...base, target: undefined }, policy)).toMatchObject({
      ok: false,
      status: 400,
    });
  });
});

describe("the proxy secret", () => {
  it("is new for each run and long enough not to be guessed", () => {
    const a = createProxySecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createProxySecret()).not.toBe(a);
  });

  it("matches only itself", () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches(SECRET, undefined)).toBe(false);
    expect(secretMatches(SECRET, "")).toBe(false);
    expect(secretMatches(SECRET, `${SECRET}x`)).toBe(false);
    expect(
      secretMatches(SECRET, SECRET.toLowerCase() === SECRET ? SECRET.toUpperCase() : SECRET.toLowerCase()),
    ).toBe(false);
  });

  it("is written into the page's head", () => {
    const html = injectProxySecret("<html><head><title>x</title></head><body></body></html>", "s3");
    expect(html).toContain('<meta name="plex-playground-proxy-secret" content="s3" />\n  </head>');
  });
});
