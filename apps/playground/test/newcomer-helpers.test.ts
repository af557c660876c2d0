import { PlexAPIError, PlexConnectionError, PlexInvalidRequestError } from "@plex/auth";
import { describe, expect, it, vi } from "vitest";
import { describeError } from "../src/describe-error.js";
import type { OperationSpec } from "../src/operations.js";
import { proxiedFetch } from "../src/proxied-fetch.js";
import { PROXY_NETWORK_ERROR_HEADER, PROXY_STATUS_HEADER } from "../src/proxy-protocol.js";
import { devicesSummary, summarize } from "../src/result-summary.js";
import { runOperation } from "../src/run-operation.js";
import { checkServerURL } from "../src/server-url-check.js";
import type { Target } from "../src/settings.js";

describe("checkServerURL (the Settings field, as it is typed)", () => {
  it.each([
    ["192.168.1.10:32400", "http://192.168.1.10:32400"],
    ["plex.local:32400", "http://plex.local:32400"],
    ["nas", "http://nas"],
    ["[::1]:32400", "http://[::1]:32400"],
    ["ftp://nas.local:32400", "http://nas.local:32400"],
    ["http://nas.local:32400/#x", "http://nas.local:32400/"],
  ])("%s → did you mean %s?", (typed, suggestion) => {
    const check = checkServerURL(typed);
    expect(check.ok).toBe(false);
    expect(check).toMatchObject({ suggestion });
  });

  it("says what is wrong, echoing the value", () => {
    expect(checkServerURL("192.168.1.10:32400")).toMatchObject({
      problem: '"192.168.1.10:32400" has no http:// or https://',
    });
    expect(checkServerURL("ftp://nas")).toMatchObject({
      problem: "a Plex server speaks http or https, not ftp",
    });
    expect(checkServerURL("not a url")).toEqual({
      ok: false,
      problem: '"not a url" is not a URL (for example http://192.168.1.10:32400)',
    });
    expect(checkServerURL("http://me:pw@nas:32400")).toMatchObject({ ok: false });
  });

  it.each(["", "  ", "http://192.168.1.10:32400", "https://nas.example.com", "http://[::1]:32400/"])(
    "accepts %j",
    (typed) => {
      expect(checkServerURL(typed)).toEqual({ ok: true });
    },
  );
});

const operation = {
  id: "token-details",
  run: (api: { authentication: { getTokenDetails(): Promise<never> } }) =>
    api.authentication.getTokenDetails(),
} as unknown as OperationSpec;

describe("runOperation with a server URL the SDK refuses", () => {
  const target = (serverURL: string): Target => ({
    plexTvURL: "https://plex.tv/api/v2",
    serverURL,
    token: "t",
    clientIdentifier: "c",
    defaultSource: "",
  });

  it.each(["192.168.1.10:32400", "ftp://nas.local", "not a url"])(
    "%s: a typed error to show, not a rejection (the panel would stay on Running…)",
    async (serverURL) => {
      const result = await runOperation(operation, {}, "live", target(serverURL));
      expect(result.ok).toBe(false);
      const error = (result as { error: unknown }).error;
      expect(PlexInvalidRequestError.isInstance(error)).toBe(true);
      expect(describeError(error).advice).toContain("fix the server URL in Settings");
      expect(result.sent).toEqual([]);
    },
  );
});

describe("describeError: advice for each error, issues once", () => {
  it("names plex.tv or the server as what was unreachable", () => {
    const tv = new PlexConnectionError("Could not complete getTokenDetails with plex.tv", {
      host: "plex.tv",
    });
    const pms = new PlexConnectionError("Could not complete x with 10.0.0.9:32400", {
      host: "10.0.0.9:32400",
    });
    expect(describeError(tv).advice).toMatch(/^plex\.tv \(plex\.tv\) could not be reached/);
    expect(describeError(pms).advice).toMatch(/^The server 10\.0\.0\.9:32400 could not be reached/);
  });

  it("gives each input error its own advice", () => {
    const issue = (path: string[], message = "Required") => ({ path, message, code: "invalid_type" });
    const advice = [
      new PlexInvalidRequestError("getTokenDetails needs an access token: set accessToken on the client"),
      new PlexInvalidRequestError('serverURL "192.168.1.10:32400" is not a valid absolute URL'),
      new PlexInvalidRequestError("Invalid request: requestBody.login: Required", {
        issues: [issue(["requestBody", "login"])],
      }),
      new PlexInvalidRequestError("Invalid request: verificationCode: Invalid", {
        issues: [issue(["requestBody", "verificationCode"], "Invalid")],
      }),
      new PlexInvalidRequestError("Invalid request: source: Invalid", {
        issues: [issue(["source"], "Invalid")],
      }),
      new PlexInvalidRequestError("Invalid request: pin: Invalid", { issues: [issue(["pin"], "Invalid")] }),
    ].map((error) => describeError(error).advice);
    expect(new Set(advice).size).toBe(advice.length);
    expect(advice[0]).toContain("Sign in first (Start here)");
    for (const line of advice) expect(line).toMatch(/^Nothing was sent: /);
  });

  it("lists the issues once: the message keeps only its headline", () => {
    const error = new PlexInvalidRequestError("Invalid request body: login: Required; password: Required", {
      issues: [
        { path: ["login"], message: "Required", code: "invalid_type" },
        { path: ["password"], message: "Required", code: "invalid_type" },
      ],
    });
    const described = describeError(error);
    expect(described.message).toBe("Invalid request body");
    expect(described.issues).toEqual(["login: Required", "password: Required"]);
    // An option error whose one issue is the message itself: the message whole (with its suggestion), no list.
    const message =
      'serverURL "192.168.1.10:32400" is not an absolute URL: did you mean "http://192.168.1.10:32400"?';
    const option = describeError(
      new PlexInvalidRequestError(message, { issues: [{ path: ["serverURL"], message }] }),
    );
    expect(option.message).toBe(message);
    expect(option.issues).toBeUndefined();
    // A message that does not restate its issues keeps both.
    const other = describeError(
      new PlexInvalidRequestError("A middleware threw", { issues: [{ path: ["x"], message: "bad" }] }),
    );
    expect(other).toMatchObject({ message: "A middleware threw", issues: ["x: bad"] });
  });
});

describe("proxiedFetch: the proxy's own 502 is a network error, as fetch would throw", () => {
  const proxy = (response: Response) => proxiedFetch({ secret: "s", fetch: async () => response });
  const refusal = (headers: Record<string, string> = {}) =>
    new Response(
      JSON.stringify({
        errors: [{ message: "Playground proxy: could not connect to 10.0.0.9:1", status: 502 }],
      }),
      {
        status: 502,
        headers: { "content-type": "application/json", ...headers },
      },
    );

  it("with the code the proxy names", async () => {
    const error = await proxy(refusal({ [PROXY_NETWORK_ERROR_HEADER]: "ECONNREFUSED" }))(
      "http://10.0.0.9:1/x",
    ).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(TypeError);
    const cause = (error as { cause: Error & { code?: string } }).cause;
    expect(cause.code).toBe("ECONNREFUSED");
    expect(cause.message).toBe(
      "Playground proxy: could not connect to 10.0.0.9:1 (through the playground proxy)",
    );
  });

  it("and without one (the proxy could not tell why)", async () => {
    await expect(proxy(refusal())("http://10.0.0.9:1/x")).rejects.toThrow(TypeError);
  });

  it("while an upstream 502, enveloped, stays an HTTP answer", async () => {
    const upstream = new Response("bad gateway", { status: 200, headers: { [PROXY_STATUS_HEADER]: "502" } });
    expect((await proxy(upstream)("http://10.0.0.9:1/x")).status).toBe(502);
  });

  it("so the SDK reports PlexConnectionError naming plex.tv, not PlexAPIError 502", async () => {
    vi.stubGlobal("fetch", async () => refusal({ [PROXY_NETWORK_ERROR_HEADER]: "ENOTFOUND" }));
    try {
      const result = await runOperation(operation, {}, "live", {
        plexTvURL: "https://plex.tv/api/v2",
        serverURL: undefined,
        token: "t",
        clientIdentifier: "c",
        defaultSource: "",
      });
      const error = (result as { error?: unknown }).error;
      expect(PlexConnectionError.isInstance(error)).toBe(true);
      expect(PlexAPIError.isInstance(error)).toBe(false);
      expect((error as PlexConnectionError).host).toBe("plex.tv");
      expect(describeError(error).advice).toMatch(/^plex\.tv \(plex\.tv\) could not be reached/);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("result summaries", () => {
  it("says who signed in, and offers the token to copy", () => {
    expect(
      summarize("sign-in", { username: "demo-2fa-viewer", email: "2fa@example.com", authToken: "abc" }),
    ).toEqual({
      text: "Signed in as demo-2fa-viewer <2fa@example.com>",
      token: "abc",
    });
    expect(summarize("token-details", { username: "demo-viewer" })).toEqual({
      text: "This token belongs to demo-viewer",
    });
  });

  it("masks the transient token in the line", () => {
    const summary = summarize("transient-token", { MediaContainer: { token: "transient-0123456789" } });
    expect(summary?.text).toBe("Transient token tran…6789: hand it to a friend's app instead of yours");
    expect(summary?.token).toBe("transient-0123456789");
  });

  it("counts servers and their connections", () => {
    const devices = [
      { provides: "server", connections: [{}, {}, {}] },
      { provides: "client,player", connections: [{}] },
      { provides: "server", connections: [{}, {}] },
    ];
    expect(devicesSummary(devices)).toBe("2 servers, 5 connections");
    expect(summarize("source-connection", { MediaContainer: { Device: { Connection: [{}] } } })).toEqual({
      text: "1 server, 1 connection",
    });
  });
});
