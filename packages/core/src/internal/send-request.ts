import { decodeBody } from "../decode-body";
import { PlexAbortError, PlexError, PlexInvalidRequestError, PlexTimeoutError } from "../errors";
import { toApiError } from "../map-error";
import type { PlexResponse, RequestOptions, RequestSpec } from "../types";
import type { Call, ClientState } from "./call";
import { safeDebug } from "./logging";
import { prepareCall } from "./prepare-call";
import { readBody } from "./read-body";
import { withRetry } from "./retry";
import { connectionError, send } from "./send-step";
import { validateResponse } from "./validate-response";
import { type Deadline, withTimeout } from "./with-timeout";

/** Decoding, validation and error mapping of an answer that was read whole. */
async function interpret<T>(call: Call<T>, response: Response, text: string): Promise<PlexResponse<T>> {
  if (!response.ok) throw await toApiError(response, text, { redactor: call.redactor });
  const contentType = response.headers.get("content-type") ?? "";
  const decoded = await decodeBody(text, contentType, call.redactor);
  const data = await validateResponse(call.spec.responseSchema, decoded, call.operation, call.redactor);
  return { statusCode: response.status, contentType, headers: response.headers, rawResponse: response, data };
}

/** What an error that escaped an attempt means: abort, timeout, a caller's bug, or as thrown. */
function classify(call: Call<unknown>, deadline: Deadline, error: unknown): unknown {
  if (call.signal?.aborted) return new PlexAbortError(`${call.operation} was aborted`);
  if (deadline.timedOut) {
    return new PlexTimeoutError(`${call.operation} timed out after ${call.timeoutMs} ms`, {
      timeoutMs: call.timeoutMs,
      cause: error,
    });
  }
  if (PlexError.isInstance(error)) return error;
  // Everything fetch and the body throw is already a PlexConnectionError: with middleware, what is
  // left was thrown by it. A bug, not network trouble: never retried.
  if (!call.state.settings.middleware?.length) return connectionError(call, error);
  const name = (error as Error)?.name ?? typeof error;
  const detail = call.redactor.clip(String((error as Error)?.message ?? error), 200);
  return new PlexInvalidRequestError(`A middleware threw in ${call.operation}: ${name}: ${detail}`, {
    cause: error,
  });
}

/** Connect, send (refreshing an expired token once), read within the limits. */
function attempt<T>(call: Call<T>): Promise<PlexResponse<T>> {
  return withTimeout(call.timeoutMs, call.signal, async (deadline) => {
    try {
      let response = await deadline.race(send(call, deadline.signal));
      if (response.status === 498 && typeof call.token === "function" && call.expiredToken === undefined) {
        // Plex did not process the request: ask the function for a fresh token and send it once more. The body is
        // cancelled without waiting: cancelling a mocked body (msw's interceptor) never settles.
        response.body?.cancel().catch(() => {});
        call.expiredToken = call.lastToken ?? "";
        response = await deadline.race(send(call, deadline.signal, call.expiredToken));
      }
      const text = await deadline.race(
        readBody(response, call.maxResponseBytes, call.operation).catch((error: unknown) => {
          throw PlexError.isInstance(error) || deadline.signal.aborted ? error : connectionError(call, error);
        }),
      );
      return await interpret(call, response, text);
    } catch (error) {
      throw classify(call, deadline, error);
    }
  });
}

/** Sends one typed request: prepare (every check) → attempts with retries → interpret. */
export async function sendRequest<T>(
  state: ClientState,
  spec: RequestSpec<T>,
  options?: RequestOptions,
): Promise<PlexResponse<T>> {
  const call = prepareCall(state, spec, options);
  return withRetry(() => attempt(call), spec.idempotent ? call.retry : false, {
    signal: call.signal,
    onRetry: (error, attemptNumber, delayMs) =>
      safeDebug(state.settings.logger, "plex retry", {
        operation: call.operation,
        attempt: attemptNumber + 1,
        delayMs,
        error: (error as Error)?.name,
      }),
  });
}
