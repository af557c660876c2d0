import type { PlexClient, RequestOptions } from "@plex/core";
import {
  PlexAbortError,
  PlexAPIError,
  PlexConnectionError,
  PlexInvalidRequestError,
  PlexRateLimitError,
  PlexTimeoutError,
} from "@plex/core";
import type { Pin } from "@plex/models";
import { getPin } from "./get-pin.js";
import { abortableSleep } from "./internal/abortable-sleep.js";
import type { JwtPinLogin } from "./jwt-pin-login.js";

/** How to wait. An object so that later options (a JWT key, for instance) fit in without changing the call. */
export interface WaitForPinTokenOptions {
  /** Pause between two polls. Default 1 000; at least 100 (plex.tv rate-limits faster polling). */
  intervalMs?: number;
  /** Give up after this long even if the PIN is still valid. Default: until the PIN's `expiresAt`. */
  timeoutMs?: number;
  /** Ends the wait at once with PlexAbortError, also between two polls (so does `requestOptions.signal`). */
  signal?: AbortSignal;
  /** Called with each answer that is not yet approved (e.g. to update a countdown from `expiresIn`). */
  onPoll?: (pin: Pin) => void;
  /**
   * The `prepareJwtPinLogin` result the PIN was created with (`createPin(client, { jwt })`): polls clients.plex.tv
   * with a fresh-enough device JWT, and resolves with a Plex JWT for that key instead of a classic token.
   */
  jwt?: JwtPinLogin;
}

/** The PIN to wait for: `id` is required; `expiresAt` (and `expiresIn`) from createPin bound the wait. */
export type WaitForPinTokenPin = Pick<Pin, "id"> & Partial<Pick<Pin, "expiresAt" | "expiresIn">>;

/**
 * When the PIN expires, in local milliseconds: `expiresAt`. If the local clock says that moment has already
 * passed while plex.tv's `expiresIn` (seconds left when it answered) says otherwise, the local clock is wrong:
 * trust `expiresIn` from now rather than giving up on a live PIN. NaN when the PIN says neither.
 */
function expiryOf(pin: WaitForPinTokenPin, now: number): number {
  const at = pin.expiresAt === undefined ? Number.NaN : Date.parse(pin.expiresAt);
  const secondsLeft = pin.expiresIn;
  if (!(at > now) && secondsLeft !== undefined && secondsLeft > 0) return now + secondsLeft * 1000;
  return at;
}

const DEFAULT_INTERVAL_MS = 1_000;
const MIN_INTERVAL_MS = 100;
/** Longest pause after repeated 429s without Retry-After. */
const MAX_BACKOFF_MS = 30_000;
/** A poll never waits for an answer longer than this (unless the call's own `timeoutMs` is shorter). */
const DEFAULT_POLL_TIMEOUT_MS = 30_000;

function abortError(): PlexAbortError {
  return new PlexAbortError(
    "waitForPinToken was aborted: the PIN was not used (create a new one to try again)",
  );
}

/** Failures worth another poll: the next answer may well be fine. */
function isTransient(error: unknown): boolean {
  if (error instanceof PlexConnectionError || error instanceof PlexTimeoutError) return true;
  return error instanceof PlexAPIError && error.statusCode >= 500;
}

function checkNumber(name: string, value: number | undefined, min: number): void {
  if (value !== undefined && !(Number.isFinite(value) && value >= min)) {
    throw new PlexInvalidRequestError(`Invalid waitForPinToken options: ${name} must be a number >= ${min}`, {
      issues: [{ path: [name], message: `must be a number >= ${min}` }],
    });
  }
}

/**
 * Polls the PIN (GET https://plex.tv/api/v2/pins/{id}) until the user approves it, and resolves with the account
 * token. Polls at once, then every `intervalMs`.
 *
 * - Stops at the PIN's `expiresAt` or after `timeoutMs`, whichever comes first: PlexTimeoutError.
 * - `signal` ends it at once, in the middle of a pause too: PlexAbortError.
 * - An unknown or expired PIN (404 code 1020): PlexPinExpiredError, a PlexAPIError with `code === 1020`.
 * - 5xx answers and connection failures are tolerated: the next poll runs as planned. A 429 doubles the pause
 *   (or waits for Retry-After). Other errors (401, a malformed answer) end the wait.
 *
 * @example
 * const { data: pin } = await createPin(client, { strong: true });
 * showLink(buildAuthAppURL({ clientIdentifier: client.options.clientIdentifier, code: pin.code }));
 * const token = await waitForPinToken(client, pin, { signal });
 */
export async function waitForPinToken(
  client: PlexClient,
  pin: WaitForPinTokenPin,
  options: WaitForPinTokenOptions = {},
  requestOptions?: RequestOptions,
): Promise<string> {
  checkNumber("intervalMs", options.intervalMs, MIN_INTERVAL_MS);
  checkNumber("timeoutMs", options.timeoutMs, 0);
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const { onPoll, jwt } = options;
  if (
    jwt !== undefined &&
    (typeof jwt?.deviceJwtForPoll !== "function" || typeof jwt.client?.request !== "function")
  ) {
    throw new PlexInvalidRequestError(
      "Invalid waitForPinToken options: jwt must come from prepareJwtPinLogin",
      {
        issues: [{ path: ["jwt"], message: "not a prepared JWT PIN login" }],
      },
    );
  }
  // Either signal ends the whole wait, pauses included.
  const signal = options.signal ?? requestOptions?.signal;
  const started = Date.now();
  const expiresAt = expiryOf(pin, started);
  const deadline = Math.min(
    options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : started + options.timeoutMs,
    Number.isNaN(expiresAt) ? Number.POSITIVE_INFINITY : expiresAt,
  );
  const timedOut = () =>
    new PlexTimeoutError(
      deadline === expiresAt
        ? "The PIN expired before the user approved it: create a new PIN and show its code again"
        : `The user did not approve the PIN within ${options.timeoutMs} ms: create a new PIN to try again`,
      { timeoutMs: Math.max(0, deadline - started) },
    );
  const pollTimeoutMs = requestOptions?.timeoutMs ?? client.options.timeoutMs ?? DEFAULT_POLL_TIMEOUT_MS;
  let backoffMs = 0;

  for (;;) {
    if (signal?.aborted) throw abortError();
    const left = deadline - Date.now();
    if (left <= 0) throw timedOut();
    let pause = intervalMs;
    try {
      const { data } = await getPin(
        jwt?.client ?? client,
        jwt === undefined ? { id: pin.id } : { id: pin.id, deviceJWT: await jwt.deviceJwtForPoll() },
        {
          // The loop is the retry: a poll that fails waits for the next one instead of core's back-off.
          retry: false,
          ...requestOptions,
          signal,
          timeoutMs: Math.max(1, Math.min(pollTimeoutMs, left)),
        },
      );
      if (typeof data.authToken === "string" && data.authToken !== "") return data.authToken;
      backoffMs = 0;
      onPoll?.(data);
    } catch (error) {
      if (error instanceof PlexAbortError) throw signal?.aborted ? abortError() : error;
      if (error instanceof PlexRateLimitError) {
        backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(intervalMs, backoffMs) * 2);
        pause = Math.max(backoffMs, error.retryAfterMs ?? 0);
      } else if (!isTransient(error)) {
        throw error;
      }
    }
    const untilDeadline = deadline - Date.now();
    if (untilDeadline <= 0) throw timedOut();
    await abortableSleep(Math.min(pause, untilDeadline), signal, abortError);
  }
}
