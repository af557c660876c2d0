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
