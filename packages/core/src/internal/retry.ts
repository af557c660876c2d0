import { PlexAbortError, PlexAPIError, PlexError, PlexRateLimitError } from "../errors";
import { onAbort } from "./on-abort";
import { parseRetryAfter } from "./retry-after";
import type { ResolvedRetry } from "./validate-options";

/**
 * Milliseconds to wait before retry number `attempt + 1`, or `undefined` to give up and throw.
 * Pure: randomness and time come in as arguments.
 * - only errors marked `isRetryable` (408/429/5xx, connection errors, timeouts);
 * - `Retry-After` is honoured when present, but one longer than `maxRetryAfterMs` gives up at once;
 * - otherwise exponential back-off with full jitter: random in [0, min(maxDelay, initial·2^attempt)).
 */
export function retryDelay(
  error: unknown,
  attempt: number,
  policy: ResolvedRetry | false,
  random: () => number,
  now: number,
): number | undefined {
  if (policy === false || attempt >= policy.maxRetries) return undefined;
  if (!PlexError.isInstance(error) || !error.isRetryable) return undefined;
  let retryAfterMs: number | undefined;
  if (PlexRateLimitError.isInstance(error)) retryAfterMs = error.retryAfterMs;
  else if (PlexAPIError.isInstance(error))
    retryAfterMs = parseRetryAfter(error.headers.get("retry-after"), now);
  if (retryAfterMs !== undefined) return retryAfterMs > policy.maxRetryAfterMs ? undefined : retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

export type Sleep = (ms: number, signal: AbortSignal | undefined) => Promise<void>;

/** Waits `ms`, but rejects with `PlexAbortError` the moment `signal` aborts. */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new PlexAbortError("The request was aborted"));
    const stop = onAbort(signal, () => {
      clearTimeout(timer);
      reject(new PlexAbortError("The request was aborted during a retry back-off"));
    });
    const timer = setTimeout(() => {
      stop();
      resolve();
    }, ms);
  });

export interface RetryRuntime {
  signal?: AbortSignal | undefined;
  random?: () => number;
  now?: () => number;
  sleep?: Sleep;
  /** Called before each back-off, e.g. for logging. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** Runs `run` until it succeeds or `retryDelay` says stop; the last error is thrown as is. */
export async function withRetry<T>(
  run: (attempt: number) => Promise<T>,
  policy: ResolvedRetry | false,
  runtime: RetryRuntime = {},
): Promise<T> {
  const random = runtime.random ?? Math.random;
  const now = runtime.now ?? Date.now;
  const wait = runtime.sleep ?? sleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await run(attempt);
    } catch (error) {
      const delay = retryDelay(error, attempt, policy, random, now());
      if (delay === undefined) throw error;
      runtime.onRetry?.(error, attempt, delay);
      await wait(delay, runtime.signal);
    }
  }
}
