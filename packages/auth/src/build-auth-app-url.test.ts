import { PlexInvalidRequestError } from "@plex/core";
import { describe, expect, it } from "vitest";
import { buildAuthAppURL } from "./build-auth-app-url.js";

/** The parameters as app.plex.tv reads them: after `#?`, `&`-separated, each value percent-decoded. */
function paramsOf(url: string): Record<string, string> {
  const query = url.slice(url.indexOf("#?") + 2);
  return Object.fromEntries(
    query.split("&").map((pair) => {
      const at = pair.indexOf("=");
      return [pair.slice(0, at), decodeURIComponent(pair.slice(at + 1))];
    }),
  );
}

describe("buildAuthAppURL", () => {
  it("builds the app.plex.tv address with clientID, code and the product", () => {
    expect(buildAuthAppURL({ clientIdentifier: "my-app-1f3c", code: "ABCD1234", product: "My App" })).toBe(
      "https://app.plex.tv/auth#?clientID=my-app-1f3c&code=ABCD1234&context[device][product]=My%20App",
    );
  });

  it("encodes spaces, &, #, = and unicode in product and forwardUrl so each arrives as written", () => {
    const product = "Tom & Jerry's #1 Plëx ☃ app=yes";
    const forwardUrl = "https://example.test/back?x=1&y=a b#frag";
    const url = buildAuthAppURL({ clientIdentifier: "id 1&2", code: "C#D", product, forwardUrl });

    expect(url).not.toMatch(/ /);
    expect(url.split("#")).toHaveLength(2); // the only # is the one before the parameters
    expect(url).toContain(
      "context[device][product]=Tom%20%26%20Jerry's%20%231%20Pl%C3%ABx%20%E2%98%83%20app%3Dyes",
    );
    expect(paramsOf(url)).toEqual({
      clientID: "id 1&2",
      code: "C#D",
      "context[device][product]": product,
      forwardUrl,
    });
    // What a browser gives app.plex.tv's script.
    expect(new URL(url).hash.startsWith("#?clientID=id%201%262&code=C%23D&")).toBe(true);
  });

  it("adds the other identity fields as context[device][…] when given, in a fixed order", () => {
    const url = buildAuthAppURL({
      clientIdentifier: "c",
      code: "k",
      product: "P",
      version: "1.2.3",
      platform: "Web",
      platformVersion: "Chrome 120",
      device: "Browser",
      deviceName: "Living room",
      model: "m",
    });
    expect(Object.keys(paramsOf(url))).toEqual([
      "clientID",
      "code",
      "context[device][product]",
      "context[device][version]",
      "context[device][platform]",
      "context[device][platformVersion]",
      "context[device][device]",
      "context[device][deviceName]",
      "context[device][model]",
    ]);
    expect(paramsOf(url)["context[device][platformVersion]"]).toBe("Chrome 120");
  });

  it("uses authAppURL as the base (the demo's auth page), dropping any fragment it had", () => {
    expect(
      buildAuthAppURL({ clientIdentifier: "c", code: "k", authAppURL: "http://127.0.0.1:5173/auth#old" }),
    ).toBe("http://127.0.0.1:5173/auth#?clientID=c&code=k");
  });

  it("refuses a forwardUrl or authAppURL that is not http(s), and empty identifiers", () => {
    const bad = [
      { clientIdentifier: "c", code: "k", forwardUrl: "javascript:alert(1)" },
      { clientIdentifier: "c", code: "k", forwardUrl: "/relative/path" },
      { clientIdentifier: "c", code: "k", authAppURL: "ftp://example.test/auth" },
      { clientIdentifier: "", code: "k" },
      { clientIdentifier: "c", code: "" },
    ];
    for (const request of bad) {
      expect(() => buildAuthAppURL(request), JSON.stringify(request)).toThrow(PlexInvalidRequestError);
    }
  });

  it("never puts the forwardUrl value in the error message", () => {
    try {
      buildAuthAppURL({ clientIdentifier: "c", code: "k", forwardUrl: "javascript:secret-value" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain("secret-value");
      expect((error as Error).message).toContain("forwardUrl");
    }
  });
});
