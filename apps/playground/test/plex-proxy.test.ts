import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkProxyRequest, createPlexProxy } from "../server/plex-proxy.js";
import { PROXY_MARKER_HEADER, PROXY_PATH, PROXY_TARGET_HEADER } from "../src/proxy-protocol.js";

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A stand-in Plex server that records what reached it. */
const seen: Seen[] = [];
const target = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    seen.push({
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      body: Buffer.concat(chunks).toString(),
    });
    res.writeHead(req.url?.startsWith("/missing") ? 404 : 200, {
      "content-type": "application/json",
      "x-plex-protocol": "1.0",
      "set-cookie": "session=should-not-pass",
    });
    res.end(JSON.stringify({ MediaContainer: { size: 0, token: "transient-from-target" } }));
  });
});

const proxyMiddleware = createPlexProxy({ timeoutMs: 2_000 });
const playground = createServer((req, res) =>
  proxyMiddleware(req, res, () => {
    res.writeHead(404);
    res.end("not the proxy");
  }),
);

let targetHost = "";
let playgroundHost = "";

beforeAll(async () => {
  targetHost = await listen(target);
  playgroundHost = await listen(playground);
});
afterAll(async () => {
  target.closeAllConnections();
  playground.closeAllConnections();
  await Promise.all([
    new Promise((resolve) => target.close(resolve)),
    new Promise((resolve) => playground.close(resolve)),
  ]);
});
beforeEach(() => {
  seen.length = 0;
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
    [PROXY_MARKER_HEADER]: "1",
    [PROXY_TARGET_HEADER]: targetUrl,
    origin: `http://${playgroundHost}`,
    ...extra,
  };
}

describe("the live-mode proxy", () => {
  it("forwards a GET to an allowed target with the Plex headers, and the answer back", async () => {
    const response = await call({
      headers: fromPage(`http://${targetHost}/security/token?type=delegation&scope=all`, {
        "x-plex-token": "live-token-abc",
        "x-plex-client-identifier": "client-1",
        accept: "application/json",
        cookie: "playground=1",
      }),
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      MediaContainer: { size: 0, token: "transient-from-target" },
    });
    expect(response.headers["x-plex-protocol"]).toBe("1.0");
    expect(response.headers["set-cookie"]).toBeUndefined();
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request).toMatchObject({ method: "GET", url: "/security/token?type=delegation&scope=all" });
    expect(request!.headers).toMatchObject({
      "x-plex-token": "live-token-abc",
      "x-plex-client-identifier": "client-1",
      accept: "application/json",
      host: targetHost,
    });
    for (const name of ["origin", "cookie", PROXY_MARKER_HEADER, PROXY_TARGET_HEADER]) {
      expect(request!.headers[name]).toBeUndefined();
    }
  });

  it("forwards a POST body and passes error statuses through", async () => {
    const response = await call({
      method: "POST",
      path: PROXY_PATH,
      headers: fromPage(`http://${targetHost}/missing/users/signin`, {
        "content-type": "application/x-www-form-urlencoded",
      }),
      body: "login=a%40example.com&password=pw",
    });
    expect(response.status).toBe(404);
    expect(seen[0]).toMatchObject({ method: "POST", body: "login=a%40example.com&password=pw" });
    expect(seen[0]!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
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
    expect(JSON.parse(response.body).errors[0].message).toMatch(/^Playground proxy: /);
    expect(seen).toHaveLength(0);
  });

  it.each([
    ["another origin", { origin: "https://evil.example" }],
    ["a lookalike origin", { origin: "http://127.0.0.1:1" }],
    ["a null origin", { origin: "null" }],
    ["no marker header", { [PROXY_MARKER_HEADER]: "" }],
    ["a non-loopback Host (DNS rebinding)", { host: "evil.example", origin: "http://evil.example" }],
  ])("refuses a request with %s with 403", async (_label, extra) => {
    const response = await call({ headers: fromPage(`http://${targetHost}/identity`, extra) });
    expect(response.status).toBe(403);
    expect(seen).toHaveLength(0);
  });

  it("never approves a preflight", async () => {
    const response = await call({ method: "OPTIONS", headers: fromPage(`http://${targetHost}/identity`) });
    expect(response.status).toBe(403);
    expect(seen).toHaveLength(0);
  });

  it("answers 502 naming only the host when the target is down (no token from the URL)", async () => {
    const down = createServer();
    const downHost = await listen(down);
    await new Promise((resolve) => down.close(resolve));
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

describe("checkProxyRequest", () => {
  const base = { method: "GET", host: "127.0.0.1:5173", origin: "http://127.0.0.1:5173", marker: "1" };

  it.each(["http://192.168.1.10:32400/identity", "https://plex.tv/api/v2/user"])("allows %s", (targetUrl) => {
    const decision = checkProxyRequest({ ...base, target: targetUrl });
    expect(decision.ok && decision.target.href).toBe(targetUrl);
  });

  it("refuses user:password@ targets", () => {
    expect(checkProxyRequest({ ...base, target: "http://u:p@example.com/" })).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it("refuses a missing target", () => {
    expect(checkProxyRequest({ ...base, target: undefined })).toMatchObject({ ok: false, status: 400 });
  });
});
