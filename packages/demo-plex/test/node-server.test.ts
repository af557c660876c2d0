import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_CLIENT_IDENTIFIER, DEMO_TOKENS, DEMO_TRANSIENT_TOKEN } from "../src/index.js";
import { type DemoPlexServer, startDemoPlexServer } from "../src/node.js";

describe("startDemoPlexServer", () => {
  let server: DemoPlexServer;
  beforeAll(async () => {
    server = await startDemoPlexServer({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("listens on 127.0.0.1 with a free port and both bases on one origin", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.plexTvURL).toBe(`${server.url}/api/v2`);
    expect(server.serverURL).toBe(server.url);
  });

  it("serves plex.tv over a real socket, with the form body read", async () => {
    const response = await fetch(`${server.plexTvURL}/users/signin`, {
      method: "POST",
      headers: {
        Accept: "application/json",
        "X-Plex-Client-Identifier": DEMO_CLIENT_IDENTIFIER,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(DEMO_ACCOUNTS.plain).toString(),
    });
    expect(response.status).toBe(201);
    expect((await response.json()).authToken).toBe(DEMO_TOKENS.signedIn);
  });

  it("serves the media server routes, XML by default", async () => {
    const response = await fetch(`${server.serverURL}/security/token?type=delegation&scope=all`, {
      headers: { "X-Plex-Token": DEMO_TOKENS.account },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/xml/);
    expect(await response.text()).toContain(`token="${DEMO_TRANSIENT_TOKEN}"`);
  });

  it("passes error statuses and headers through unchanged", async () => {
    const response = await fetch(`${server.plexTvURL}/users/signin`, {
      method: "POST",
      headers: {
        "X-Plex-Client-Identifier": DEMO_CLIENT_IDENTIFIER,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(DEMO_ACCOUNTS.rateLimited).toString(),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBeNull();
    expect(await response.text()).toContain('code="1003"');
  });

  it("keeps state across requests: a pin created then polled", async () => {
    const headers = { Accept: "application/json", "X-Plex-Client-Identifier": DEMO_CLIENT_IDENTIFIER };
    const pin = await (await fetch(`${server.plexTvURL}/pins`, { method: "POST", headers })).json();
    expect(server.demo.data.pins.has(pin.id)).toBe(true);
    const polled = await fetch(`${server.plexTvURL}/pins/${pin.id}`, { headers });
    expect(polled.status).toBe(200);
  });

  it("stops accepting connections after close()", async () => {
    const other = await startDemoPlexServer();
    await other.close();
    await expect(fetch(`${other.url}/identity`)).rejects.toThrow();
  });
});
