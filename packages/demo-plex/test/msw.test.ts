import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createDemoPlex,
  DEMO_ACCOUNTS,
  DEMO_CLIENT_IDENTIFIER,
  DEMO_SERVER,
  DEMO_TOKENS,
} from "../src/index.js";
import { DEMO_PLEX_TV_URL, DEMO_SERVER_URL, demoHandlers } from "../src/msw.js";

const demo = createDemoPlex();
const CUSTOM_PLEX_TV = "http://localhost:7777/fake-plex-tv/api/v2";
const CUSTOM_SERVER = "http://10.0.0.9:32401/pms";
const server = setupServer(
  ...demoHandlers({ demo }),
  ...demoHandlers({ demo, plexTvURL: `${CUSTOM_PLEX_TV}/`, serverURL: CUSTOM_SERVER }),
);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const headers = { Accept: "application/json", "X-Plex-Client-Identifier": DEMO_CLIENT_IDENTIFIER };

describe("demoHandlers", () => {
  it("defaults to plex.tv and a demo media server name", () => {
    expect(DEMO_PLEX_TV_URL).toBe("https://plex.tv/api/v2");
    expect(DEMO_SERVER_URL).toBe("http://demo-plex.local:32400");
  });

  it("answers plex.tv at the default base", async () => {
    const response = await fetch(`${DEMO_PLEX_TV_URL}/user`, {
      headers: { ...headers, "X-Plex-Token": DEMO_TOKENS.account },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).email).toBe(DEMO_ACCOUNTS.plain.login);
  });

  it("answers the media server at the default base", async () => {
    const url = `${DEMO_SERVER_URL}/security/resources?source=server://${DEMO_SERVER.clientIdentifier}`;
    const response = await fetch(url, { headers: { ...headers, "X-Plex-Token": DEMO_TOKENS.account } });
    expect((await response.json()).MediaContainer.Device.name).toBe(DEMO_SERVER.name);
  });

  it("maps custom bases with a path prefix onto the demo routes, body included", async () => {
    const signIn = await fetch(`${CUSTOM_PLEX_TV}/users/signin`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(DEMO_ACCOUNTS.twoFactor).toString(),
    });
    expect(signIn.status).toBe(201);
    const identity = await fetch(`${CUSTOM_SERVER}/identity`, { headers });
    expect((await identity.json()).MediaContainer.machineIdentifier).toBe(DEMO_SERVER.clientIdentifier);
  });

  it("shares the demo instance it was given", async () => {
    const before = demo.data.pins.size;
    await fetch(`${DEMO_PLEX_TV_URL}/pins`, { method: "POST", headers });
    expect(demo.data.pins.size).toBe(before + 1);
  });

  it("leaves other hosts alone (msw reports them as unhandled)", async () => {
    // msw prints its report with console.error: caught here so a passing run has no `[MSW] Error` on stderr.
    const report = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expect(fetch("https://example.invalid/api/v2/user")).rejects.toThrow();
      expect(report).toHaveBeenCalledTimes(1);
      expect(String(report.mock.calls[0]?.[0])).toContain("[MSW] Error");
      expect(report.mock.calls.flat().join(" ")).toContain("GET https://example.invalid/api/v2/user");
    } finally {
      report.mockRestore();
    }
  });
});
