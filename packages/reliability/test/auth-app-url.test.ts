import { buildAuthAppURL, PlexInvalidRequestError } from "@plex/auth";
import { describe, expect, test } from "vitest";

function outcome(request: Record<string, string>): unknown {
  try {
    return buildAuthAppURL(request as never);
  } catch (error) {
    return error;
  }
}

describe("buildAuthAppURL with input main does not handle", () => {
  // encodeURIComponent throws URIError ("URI malformed") on a lone surrogate: an untyped error escapes.
  test.each(["clientIdentifier", "code", "product", "deviceName"])(
    "a lone surrogate in %s is a PlexInvalidRequestError (or encoded as U+FFFD), never a URIError",
    (field) => {
      const result = outcome({ clientIdentifier: "demo-client-0001", code: "ABCDEFGH", [field]: "a\ud800b" });
      if (typeof result === "string") expect(result).toContain(encodeURIComponent("a\ufffdb"));
      else expect(PlexInvalidRequestError.isInstance(result), String(result)).toBe(true);
    },
  );

  // The base is used as written: a line terminator after "#" defeats `replace(/#.*$/, "")`, so the parameters land
  // inside the old fragment (app.plex.tv never reads them), and control characters pass through unencoded.
  test.each([
    "https://app.example/auth#old\u2028x",
    "https://app.example/auth\u0000",
    "https://app.example/a b",
  ])("authAppURL %j is refused or normalised: one fragment, carrying the parameters", (authAppURL) => {
    const result = outcome({ clientIdentifier: "demo-client-0001", code: "ABCDEFGH", authAppURL });
    if (PlexInvalidRequestError.isInstance(result)) return;
    expect(typeof result).toBe("string");
    const url = result as string;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(url).not.toMatch(/[\s\u0000-\u001f\u2028\u2029]/);
    expect(url.split("#")).toHaveLength(2);
    expect(url.split("#")[1]!.startsWith("?clientID=demo-client-0001&code=ABCDEFGH")).toBe(true);
  });
});
