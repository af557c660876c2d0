import { describe, expect, it } from "vitest";
import {
  PlexAbortError,
  PlexAPIError,
  PlexConnectionError,
  PlexRateLimitError,
  PlexTimeoutError,
  PlexUnauthorizedError,
} from "../errors";
import { retryDelay, sleep, withRetry } from "./retry";
import { DEFAULT_RETRY } from "./validate-options";

const policy = { ...DEFAULT_RETRY, initialDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };
const apiError = (statusCode: number, headers: Record<string, string> = {}) =>
  new PlexAPIError({ message: "m", statusCode, headers: new Headers(headers) });

describe("retryDelay (pure)", () => {
  it("uses full jitter below an exponentially growing, capped ceiling", () => {
    const connection = new PlexConnectionError("c", { host: "h" });
    expect(retryDelay(connection, 0, policy, () => 0.999, 0)).toBe(99);
    expect(retryDelay(connection, 1, policy, () => 0.5, 0)).toBe(100);
    expect(retryDelay(connection, 0, policy, () => 0, 0)).toBe(0);
    const many = { ...policy, maxRetries: 10 };
    expect(retryDelay(connection, 8, many, () => 0.999, 0)).toBe(999); // capped by maxDelayMs
  });

  it("stops after maxRetries and when retries are off", () => {
    const error = apiError(503);
    expect(retryDelay(error, 1, policy, () => 0.5, 0)).toBeDefined();
    expect(retryDelay(error, 2, policy, () => 0.5, 0)).toBeUndefined();
    expect(retryDelay(error, 0, false, () => 0.5, 0)).toBeUndefined();
  });

  it("retries 408/429/500/502/503/504, connection errors and timeouts only", () => {
    for (const status of [408, 429, 500, 502, 503, 504])
      expect(retryDelay(apiError(status), 0, policy, () => 1, 0)).toBeDefined();
    for (const status of [400, 401, 404, 422, 501])
      expect(retryDelay(apiError(status), 0, policy, () => 1, 0)).toBeUndefined();
    expect(retryDelay(new PlexTimeoutError("t", { timeoutMs: 1 }), 0, policy, () => 1, 0)).toBeDefined();
    expect(retryDelay(new PlexAbortError("a"), 0, policy, () => 1, 0)).toBeUndefined();
    expect(
      retryDelay(new PlexUnauthorizedError({ message: "m", statusCode: 401 }), 0, policy, () => 1, 0),
    ).toBeUndefined();
    expect(retryDelay(new Error("plain"), 0, policy, () => 1, 0)).toBeUndefined();
  });

  it("honours Retry-After up to maxRetryAfterMs and gives up at once beyond it", () => {
    const limited = (ms: number) =>
      new PlexRateLimitError({ message: "m", statusCode: 429, retryAfterMs: ms });
    expect(retryDelay(limited(4_000), 0, policy, () => 0, 0)).toBe(4_000);
    expect(retryDelay(limited(6_000), 0, policy, () => 0, 0)).toBeUndefined();
    expect(retryDelay(apiError(503, { "retry-after": "2" }), 0, policy, () => 0, 0)).toBe(2_000);
  });
});

describe("withRetry", () => {
  it("returns the first success and sleeps the computed delays in between", async () => {
    const slept: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw apiError(502);
        return "ok";
      },
      policy,
      { random: () => 0.5, sleep: async (ms) => void slept.push(ms) },
    );
    expect(result).toBe("ok");
    expect(slept).toEqual([50, 100]);
  });

  it("throws the last error unchanged when retries run out", async () => {
    const last = apiError(500);
    let calls = 0;
    const outcome = withRetry(
      async () => {
        calls++;
        throw last;
      },
      policy,
      { sleep: async () => {} },
    );
    await expect(outcome).rejects.toBe(last);
    expect(calls).toBe(3);
  });
});

describe("sleep", () => {
  it("ends at once with PlexAbortError when the signal aborts", async () => {
    const controller = new AbortController();
    const started = performance.now();
    const pending = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(), 5);
    await expect(pending).rejects.toBeInstanceOf(PlexAbortError);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("rejects immediately for an already aborted signal", async () => {
    await expect(sleep(10_000, AbortSignal.abort())).rejects.toBeInstanceOf(PlexAbortError);
  });
});
