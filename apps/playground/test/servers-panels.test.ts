import { PlexConnectionError, PlexUnauthorizedError } from "@plex/auth";
import { DEMO_SERVER_URL, DEMO_TOKENS } from "@plex/demo-plex";
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "../src/operations.js";
import { verdictOf } from "../src/render/token-check-panel.js";
import { runOperation } from "../src/run-operation.js";
import { createServerSession } from "../src/servers/server-session.js";
import { createSettings, targetOf } from "../src/settings.js";

const memory = (): Storage => {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
};
const tokens = { get: () => undefined, set: () => {}, remembered: false };

describe("Check token verdicts", () => {
  it("valid, invalid with Plex's code and message, unknown for anything that says nothing about the token", () => {
    const account = { username: "demo-viewer" } as never;
    expect(verdictOf({ result: { valid: true, account } })).toEqual({
      verdict: "valid",
      detail: "signed in as demo-viewer",
    });
    expect(
      verdictOf({
        result: {
          valid: false,
          reason: { statusCode: 401, code: 1001, message: "User could not be authenticated" },
        },
      }).detail,
    ).toBe("HTTP 401 · Plex code 1001: User could not be authenticated. Sign in again.");
    const offline = verdictOf({
      error: new PlexConnectionError("Could not reach plex.tv", { host: "plex.tv" }),
    });
    expect(offline.verdict).toBe("unknown");
    expect(offline.detail).toContain("keep the token");
    // A thrown unauthorized error (e.g. from ping) is not a verdict of validateToken: still shown, never "valid".
    expect(verdictOf({ error: new PlexUnauthorizedError({ message: "x", statusCode: 401 }) }).verdict).toBe(
      "unknown",
    );
  });
});

describe("use this server", () => {
  it("sends media server panels to the picked URI with its own token; plex.tv panels keep the account token", async () => {
    const settings = createSettings("demo-client-0001", memory(), tokens);
    settings.connectedServer = {
      name: "Picked",
      clientIdentifier: "picked-server-1",
      uri: "http://192.0.2.44:32400",
      accessToken: "picked-server-token",
    };
    const target = targetOf(settings);
    expect(target).toMatchObject({
      serverURL: "http://192.0.2.44:32400",
      serverToken: "picked-server-token",
      token: DEMO_TOKENS.account,
      defaultSource: "server://picked-server-1",
    });

    const seen: { url: string; token: string | null }[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      seen.push({ url: request.url, token: request.headers.get("x-plex-token") });
      throw new TypeError("offline in this test");
    };
    try {
      const transient = OPERATIONS.find((operation) => operation.id === "transient-token")!;
      const details = OPERATIONS.find((operation) => operation.id === "token-details")!;
      await runOperation(transient, {}, "demo", target);
      await runOperation(details, {}, "demo", target);
    } finally {
      globalThis.fetch = original;
    }
    expect(seen[0]?.url.startsWith("http://192.0.2.44:32400/security/token")).toBe(true);
    expect(seen[0]?.token).toBe("picked-server-token");
    expect(seen.at(-1)?.url).toBe("https://plex.tv/api/v2/user");
    expect(seen.at(-1)?.token).toBe(DEMO_TOKENS.account);
  });

  it("without a picked server, the demo server and the settings token as before", () => {
    const target = targetOf(createSettings("demo-client-0001", memory(), tokens));
    expect(target.serverURL).toBe(DEMO_SERVER_URL);
    expect(target.serverToken).toBeUndefined();
  });

  it("the session keeps the list and picks the first server", () => {
    const session = createServerSession();
    let calls = 0;
    session.subscribe(() => calls++);
    session.setDevices([
      { name: "TV", clientIdentifier: "tv", provides: "player", connections: [] },
      { name: "S", clientIdentifier: "s", provides: "server", connections: [] },
    ] as never);
    expect(session.selected).toBe("s");
    session.clear();
    expect(session.devices).toBeUndefined();
    expect(calls).toBe(2);
  });
});
