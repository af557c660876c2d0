import { PlexRateLimitError, PlexTwoFactorRequiredError, PlexUnauthorizedError } from "@plex/auth";
import { describe, expect, it } from "vitest";
import { capturingFetch, type SentRequest } from "../src/capture-fetch.js";
import { loadClientIdentifier, resetClientIdentifier } from "../src/client-identifier.js";
import { describeError } from "../src/describe-error.js";
import { findSource } from "../src/find-source.js";
import { maskSecret, maskUrl } from "../src/mask.js";
import { proxiedFetch, unwrapProxyResponse } from "../src/proxied-fetch.js";
import {
  PROXY_LOCATION_HEADER,
  PROXY_PATH,
  PROXY_SECRET_HEADER,
  PROXY_SECRET_META,
  PROXY_SERVERS_PATH,
  PROXY_STATUS_HEADER,
  PROXY_TARGET_HEADER,
} from "../src/proxy-protocol.js";
import { readProxySecret } from "../src/proxy-secret.js";
import { registerProxyTarget } from "../src/register-proxy-target.js";
import { createTokenStore } from "../src/token-store.js";

/** A Storage in memory, so these run in node without a browser. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => {
      items.delete(key);
    },
    setItem: (key, value) => {
      items.set(key, value);
    },
  };
}

describe("maskSecret / maskUrl", () => {
  it("keeps four characters at each end of a long token", () => {
    expect(maskSecret("demo-signed-in-token-77b2")).toBe("demo…77b2");
  });

  it("shows nothing of a short secret", () => {
    expect(maskSecret("abc")).toBe("••••");
  });

  it("masks a token in the query string", () => {
    expect(maskUrl("https://plex.tv/api/v2/user?X-Plex-Token=abcdefghijkl&x=1")).toBe(
      "https://plex.tv/api/v2/user?X-Plex-Token=abcd%E2%80%A6ijkl&x=1",
    );
  });
});

describe("client identifier", () => {
  it("is created once and then kept", () => {
    const storage = memoryStorage();
    const first = loadClientIdentifier(storage, () => "uuid-1");
    expect(first).toBe("plex-playground-uuid-1");
    expect(loadClientIdentifier(storage, () => "uuid-2")).toBe(first);
    expect(resetClientIdentifier(storage, () => "uuid-3")).toBe("plex-playground-uuid-3");
  });
});

describe("token store", () => {
  it("keeps the token in memory only, unless remembered", () => {
    const session = memoryStorage();
    const store = createTokenStore(session);
    store.set("live-token-123", false);
    expect(store.get()).toBe("live-token-123");
    expect(session.length).toBe(0);
    store.set("live-token-123", true);
    expect(createTokenStore(session).get()).toBe("live-token-123");
    store.set(undefined, true);
    expect(session.length).toBe(0);
  });
});

describe("capturingFetch", () => {
  it("records the request as sent with the token and password masked", async () => {
    const sent: SentRequest[] = [];
    const seen: Request[] = [];
    const fetch = capturingFetch(
      async (input) => {
        seen.push(input as Request);
        return new Response("{}");
      },
      (request) => sent.push(request),
    );
    await fetch("https://plex.tv/api/v2/users/signin", {
      method: "POST",
      headers: {
        "X-Plex-Token": "secret-token-0001",
        "X-Plex-Client-Identifier": "c1",
        "Content-Type": "application/x-www-form-urlencoded",
        "User-Agent": "not shown",
      },
      body: "login=a%40b.c&password=hunter22&verificationCode=654321",
    });
    expect(sent).toEqual([
      {
        method: "POST",
        url: "https://plex.tv/api/v2/users/signin",
        headers: [
          ["content-type", "application/x-www-form-urlencoded"],
          ["x-plex-client-identifier", "c1"],
          ["x-plex-token", "secr…0001"],
        ],
        body: "login=a@b.c&password=••••&verificationCode=••••",
      },
    ]);
    // The real request still goes out untouched.
    expect(seen[0]!.headers.get("x-plex-token")).toBe("secret-token-0001");
    expect(await seen[0]!.text()).toBe("login=a%40b.c&password=hunter22&verificationCode=654321");
  });
});

describe("proxiedFetch", () => {
  it("sends the request to the playground's proxy with the target and secret, never following redirects", async () => {
    const calls: { input: RequestInfo | URL; init?: RequestInit }[] = [];
    const fetch = proxiedFetch({
      secret: "run-secret",
      fetch: async (input, init) => {
        calls.push({ input, ...(init === undefined ? {} : { init }) });
        return new Response(null, { status: 204 });
      },
    });
    await fetch("http://192.168.1.10:32400/identity", { headers: { "X-Plex-Token": "t" } });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.input).toBe(PROXY_PATH);
    expect(calls[0]!.init?.redirect).toBe("manual");
    const headers = new Headers(calls[0]!.init?.headers);
    expect(headers.get(PROXY_TARGET_HEADER)).toBe("http://192.168.1.10:32400/identity");
    expect(headers.get(PROXY_SECRET_HEADER)).toBe("run-secret");
    expect(headers.get("x-plex-token")).toBe("t");
  });

  it("registers the entered server once, before the first request", async () => {
    const paths: string[] = [];
    const fetch = proxiedFetch({
      secret: "run-secret",
      server: "http://192.168.1.10:32400/",
      fetch: async (input, init) => {
        paths.push(
          `${init?.method} ${String(input)} ${init?.method === "POST" ? String(init.body) : ""}`.trim(),
        );
        return new Response(null, { status: 204 });
      },
    });
    await fetch("http://192.168.1.10:32400/identity");
    await fetch("http://192.168.1.10:32400/security/token");
    expect(paths).toEqual([
      `POST ${PROXY_SERVERS_PATH} {"url":"http://192.168.1.10:32400"}`,
      `GET ${PROXY_PATH}`,
      `GET ${PROXY_PATH}`,
    ]);
  });

  it("turns the proxy's envelope back into the upstream 3xx with its Location", async () => {
    const envelope = new Response("moved", {
      status: 200,
      headers: {
        [PROXY_STATUS_HEADER]: "302",
        [PROXY_LOCATION_HEADER]: "http://127.0.0.2:9/steal",
        "content-type": "text/plain",
      },
    });
    const response = unwrapProxyResponse(envelope);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://127.0.0.2:9/steal");
    expect(response.headers.get(PROXY_STATUS_HEADER)).toBeNull();
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(await response.text()).toBe("moved");
  });

  it("keeps a 204 bodiless and passes the proxy's own refusals through", async () => {
    const empty = unwrapProxyResponse(new Response("", { headers: { [PROXY_STATUS_HEADER]: "204" } }));
    expect(empty.status).toBe(204);
    const refusal = new Response("{}", { status: 403 });
    expect(unwrapProxyResponse(refusal)).toBe(refusal);
  });
});

describe("readProxySecret and registerProxyTarget", () => {
  it("reads the secret the dev server wrote into the page, or nothing", () => {
    const doc = (content: string | undefined) => ({
      querySelector: (selector: string) =>
        selector === `meta[name="${PROXY_SECRET_META}"]` && content !== undefined ? { content } : null,
    });
    expect(readProxySecret(doc("abc") as unknown as Document)).toBe("abc");
    expect(readProxySecret(doc(undefined) as unknown as Document)).toBe("");
  });

  it("does not call the proxy for a URL it cannot forward, and never throws", async () => {
    const calls: string[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      calls.push(String(input));
      throw new TypeError("offline");
    };
    expect(await registerProxyTarget("192.168.1.10:32400", { secret: "s", fetch })).toBe(false);
    expect(await registerProxyTarget("ftp://nas.local/", { secret: "s", fetch })).toBe(false);
    expect(calls).toEqual([]);
    expect(await registerProxyTarget("http://nas.local:32400", { secret: "s", fetch })).toBe(false);
    expect(calls).toEqual([PROXY_SERVERS_PATH]);
  });
});

describe("describeError", () => {
  it("names the class, the Plex code and what to do for 1029", () => {
    const error = new PlexTwoFactorRequiredError({
      message: "Please enter the verification code",
      statusCode: 401,
      code: 1029,
    });
    expect(describeError(error)).toMatchObject({
      className: "PlexTwoFactorRequiredError",
      code: 1029,
      statusCode: 401,
      message: "Please enter the verification code",
      advice: expect.stringContaining("6-digit code"),
    });
  });

  it("tells a revoked token (422) from a lockout (1031)", () => {
    const revoked = new PlexUnauthorizedError({ message: "Invalid token", statusCode: 422 });
    const locked = new PlexUnauthorizedError({ message: "locked", statusCode: 401, code: 1031 });
    expect(describeError(revoked).advice).toContain("sign in again");
    expect(describeError(locked).advice).toContain("repeated failures");
  });

  it("says there was no Retry-After on a rate limit without one", () => {
    const error = new PlexRateLimitError({ message: "API rate limit exceeded", statusCode: 429, code: 1003 });
    expect(describeError(error).advice).toContain("no Retry-After");
  });
});

describe("findSource", () => {
  it("builds server://<machineIdentifier> from the server's /identity", async () => {
    const asked: string[] = [];
    const source = await findSource("http://192.168.1.10:32400", async (input) => {
      asked.push(String(input));
      return Response.json({ MediaContainer: { size: 0, machineIdentifier: "abc123" } });
    });
    expect(asked).toEqual(["http://192.168.1.10:32400/identity"]);
    expect(source).toBe("server://abc123");
  });

  it("says what went wrong when /identity fails", async () => {
    await expect(
      findSource("http://10.0.0.2:32400", async () => new Response("", { status: 401 })),
    ).rejects.toThrow("10.0.0.2:32400/identity answered HTTP 401");
  });
});

describe("describeError for the live proxy", () => {
  it("points at the server URL when the proxy could not reach it", async () => {
    const { PlexAPIError } = await import("@plex/auth");
    const error = new PlexAPIError({
      message: "Playground proxy: could not connect to 10.0.0.9:32400",
      statusCode: 502,
    });
    expect(describeError(error).advice).toContain("check the server URL");
  });
});
