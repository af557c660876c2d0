import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import {
  PlexAbortError,
  PlexAPIError,
  PlexConnectionError,
  PlexError,
  PlexInvalidRequestError,
  PlexRateLimitError,
  PlexTimeoutError,
  PlexTwoFactorRequiredError,
  PlexUnauthorizedError,
  PlexValidationError,
} from "./errors";

const api = (statusCode: number) => ({ message: "m", statusCode });

describe("error classes", () => {
  it("form the documented hierarchy", () => {
    const unauthorized = new PlexUnauthorizedError(api(401));
    expect(unauthorized).toBeInstanceOf(PlexUnauthorizedError);
    expect(unauthorized).toBeInstanceOf(PlexAPIError);
    expect(unauthorized).toBeInstanceOf(PlexError);
    expect(unauthorized).toBeInstanceOf(Error);
    expect(unauthorized).not.toBeInstanceOf(PlexRateLimitError);
    expect(new PlexAPIError(api(500))).not.toBeInstanceOf(PlexUnauthorizedError);
    expect(new PlexTimeoutError("t", { timeoutMs: 1 })).not.toBeInstanceOf(PlexAPIError);
    expect(unauthorized.name).toBe("PlexUnauthorizedError");
  });

  it("recognise plain objects carrying no marker as foreign", () => {
    expect(PlexError.isInstance(new Error("x"))).toBe(false);
    expect(PlexError.isInstance({ message: "x" })).toBe(false);
    expect(PlexError.isInstance(null)).toBe(false);
    expect(PlexAPIError.isInstance("PlexAPIError")).toBe(false);
  });

  it("survive two installed copies of the package", async () => {
    // A fresh module registry loads a second, unrelated copy of every class, as two installed versions would.
    const esm = await import("./errors");
    vi.resetModules();
    const copy = await import("./errors");
    expect(copy.PlexRateLimitError).not.toBe(esm.PlexRateLimitError);
    const foreign = new copy.PlexRateLimitError({ message: "slow down", statusCode: 429, retryAfterMs: 5 });
    expect(foreign instanceof esm.PlexRateLimitError).toBe(true);
    expect(foreign instanceof esm.PlexAPIError).toBe(true);
    expect(foreign instanceof esm.PlexError).toBe(true);
    expect(foreign instanceof esm.PlexUnauthorizedError).toBe(false);
    expect(PlexRateLimitError.isInstance(foreign)).toBe(true);
    expect(PlexTwoFactorRequiredError.isInstance(foreign)).toBe(false);
  });

  it("compute isRetryable from what happened", () => {
    for (const status of [408, 429, 500, 502, 503, 504])
      expect(new PlexAPIError(api(status)).isRetryable).toBe(true);
    for (const status of [400, 401, 403, 404, 422, 501])
      expect(new PlexAPIError(api(status)).isRetryable).toBe(false);
    expect(new PlexUnauthorizedError(api(500)).isRetryable).toBe(false);
    expect(new PlexTwoFactorRequiredError(api(401)).isRetryable).toBe(false);
    expect(new PlexRateLimitError(api(429)).isRetryable).toBe(true);
    expect(new PlexConnectionError("c", { host: "h" }).isRetryable).toBe(true);
    expect(new PlexTimeoutError("t", { timeoutMs: 5 }).isRetryable).toBe(true);
    expect(new PlexAbortError("a").isRetryable).toBe(false);
    expect(new PlexValidationError("v", {}).isRetryable).toBe(false);
    expect(new PlexInvalidRequestError("i").isRetryable).toBe(false);
  });

  it("keep the raw response out of enumeration and JSON", () => {
    const error = new PlexAPIError({ ...api(500), rawResponse: new Response("x") });
    expect(error.rawResponse).toBeInstanceOf(Response);
    expect(Object.keys(error)).not.toContain("rawResponse");
    expect(JSON.stringify(error)).not.toContain("rawResponse");
  });
});

describe("console.log(error) / util.inspect(error)", () => {
  const secret = "inspect-secret-token-77";
  const unauthorized = () =>
    new PlexUnauthorizedError({
      message: "Invalid token",
      statusCode: 401,
      code: 1001,
      plexErrors: [{ code: 1001, message: "Invalid token", status: 401 }],
      body: '{"errors":[{"code":1001,"message":"Invalid token"}]}',
      headers: new Headers({ "content-type": "application/json", "x-plex-token": secret }),
    });

  it("prints the class and message, then code and status, then one field per line, then the stack", () => {
    const lines = inspect(unauthorized()).split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "PlexUnauthorizedError: Invalid token",
      "  code: 1001",
      "  statusCode: 401",
      "  isRetryable: false",
    ]);
    const fields = lines.filter((line) => /^ {2}\w+: /.test(line)).map((line) => line.trim().split(":")[0]);
    expect(fields).toEqual(["code", "statusCode", "isRetryable", "plexErrors", "body", "headers"]);
    const frames = lines.slice(1 + fields.length);
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) expect(frame).toMatch(/^\s+at /);
    expect(frames[0]).toContain("errors.test.ts");
    // Not the old shape: a stack with a one-line JSON blob glued to its end.
    expect(lines.at(-1)).not.toMatch(/\{"/);
  });

  it("keeps secrets out: headers are redacted, the cause is not printed", () => {
    const text = inspect(
      new PlexConnectionError("Could not reach plex.tv", {
        host: "plex.tv",
        cause: new Error(`connect failed for https://plex.tv/?X-Plex-Token=${secret}`),
      }),
      { depth: 10, showHidden: true },
    );
    expect(text.split("\n").slice(0, 3)).toEqual([
      "PlexConnectionError: Could not reach plex.tv",
      "  isRetryable: true",
      "  host: 'plex.tv'",
    ]);
    expect(text).not.toContain(secret);
    const api = inspect(unauthorized(), { depth: 10 });
    expect(api).toContain("'x-plex-token': '[REDACTED]'");
    expect(api).not.toContain(secret);
  });

  it("reads the same nested in another object, and falls back to JSON values without Node's inspect", () => {
    expect(inspect({ failed: unauthorized() })).toMatch(
      /failed: PlexUnauthorizedError: Invalid token\n {4}code: 1001\n/,
    );
    const custom = unauthorized()[
      Symbol.for("nodejs.util.inspect.custom") as keyof PlexError
    ] as () => string;
    expect(custom.call(unauthorized()).split("\n").slice(0, 3)).toEqual([
      "PlexUnauthorizedError: Invalid token",
      "  code: 1001",
      "  statusCode: 401",
    ]);
  });
});
