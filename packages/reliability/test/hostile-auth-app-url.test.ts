import { buildAuthAppURL, PLEX_AUTH_APP_URL, PlexError, PlexInvalidRequestError } from "@plex/auth";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { hostileString, wellFormed } from "./hostile-strings";

// buildAuthAppURL sends nothing: the URL it returns is what the user's browser opens, with the PIN code in it.
const FIELDS = [
  "clientIdentifier",
  "code",
  "product",
  "version",
  "platform",
  "platformVersion",
  "device",
  "deviceName",
  "model",
] as const;

/** The fragment's parameters, decoded: `#?clientID=…&code=…`. */
function fragmentOf(url: string): Map<string, string> {
  const fragment = url.slice(url.indexOf("#") + 1);
  expect(fragment.startsWith("?")).toBe(true);
  const out = new Map<string, string>();
  for (const pair of fragment.slice(1).split("&")) {
    const equals = pair.indexOf("=");
    out.set(pair.slice(0, equals), decodeURIComponent(pair.slice(equals + 1)));
  }
  return out;
}

const keyOf = (field: (typeof FIELDS)[number]) =>
  field === "clientIdentifier" ? "clientID" : field === "code" ? "code" : `context[device][${field}]`;

/** Either a PlexInvalidRequestError, or a URL on the auth app's origin carrying exactly the values given. */
function refusedOrExact(request: Record<string, string>): "refused" | "built" {
  let url: string;
  try {
    url = buildAuthAppURL(request as never);
  } catch (error) {
    expect(PlexError.isInstance(error), `${(error as Error)?.name}: ${(error as Error)?.message}`).toBe(true);
    expect(PlexInvalidRequestError.isInstance(error)).toBe(true);
    return "refused";
  }
  const parsed = new URL(url);
  expect(parsed.origin).toBe(new URL(request.authAppURL ?? PLEX_AUTH_APP_URL).origin);
  const fragment = fragmentOf(url);
  const expected = FIELDS.filter((field) => request[field] !== undefined).map((field) => [
    keyOf(field),
    request[field],
  ]);
  if (request.forwardUrl !== undefined) expected.push(["forwardUrl", request.forwardUrl]);
  expect([...fragment.entries()]).toEqual(expected);
  return "built";
}

describe("hostile input: buildAuthAppURL never injects a parameter or changes the host", () => {
  for (const field of FIELDS) {
    test(`${field}`, () => {
      fc.assert(
        // Lone surrogates throw a bare URIError today: test/pending/auth-app-url.pending.ts.
        fc.property(hostileString.map(wellFormed), (value) => {
          refusedOrExact({ clientIdentifier: "demo-client-0001", code: "ABCDEFGH", [field]: value });
        }),
        { numRuns: 200, seed: 14 },
      );
    });
  }

  test("forwardUrl and authAppURL: other schemes refused, http(s) kept as the only target", () => {
    const url = fc.oneof(
      hostileString.map(wellFormed),
      hostileString.map((path) => `https://app.example/${wellFormed(path)}`),
      fc.constantFrom(
        "javascript:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "https://user:pass@app.example/",
        "https://app.example/#fragment",
        "//evil.example/",
      ),
    );
    fc.assert(
      fc.property(url, fc.constantFrom("forwardUrl", "authAppURL"), (value, field) => {
        refusedOrExact({ clientIdentifier: "demo-client-0001", code: "ABCDEFGH", [field]: value });
      }),
      { numRuns: 300, seed: 14 },
    );
  });
});
