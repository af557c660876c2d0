import { PlexConnectionError, PlexError } from "../errors";
import type { Middleware } from "../types";
import { authorize } from "./authorize";
import type { Call, SendInit } from "./call";
import { fetchSameOrigin } from "./fetch-same-origin";
import { logRequest } from "./logging";

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  const message = typeof cause?.message === "string" ? cause.message : (error as Error)?.message;
  return [code, message].filter(Boolean).join(": ") || "network error";
}

/** fetch (or the body) failed: no usable answer. The original error stays as the hidden `cause`. */
export function connectionError(call: Call<unknown>, error: unknown): PlexConnectionError {
  const detail = call.redactor.text(describeCause(error));
  return new PlexConnectionError(`Could not complete ${call.operation} with ${call.host}: ${detail}`, {
    host: call.host,
    cause: error,
  });
}

/** Logging → auth → same-origin redirects → fetch, for one request of an attempt. */
async function deliver(
  call: Call<unknown>,
  url: string,
  init: SendInit,
  expiredToken?: string,
): Promise<Response> {
  const { settings } = call.state;
  const done = logRequest(settings.logger, call.operation, {
    method: init.method,
    url,
    headers: init.headers,
  });
  try {
    await authorize(call, init, expiredToken);
    const response = await fetchSameOrigin(url, init, async (target, sent) => {
      try {
        return await (settings.fetch ?? globalThis.fetch)(target, sent);
      } catch (error) {
        // An abort is classified by the attempt (timeout or the caller's signal).
        throw sent.signal.aborted || PlexError.isInstance(error) ? error : connectionError(call, error);
      }
    });
    done(response);
    return response;
  } catch (error) {
    done(error);
    throw error;
  }
}

/** Runs `list` outermost-first around `terminal`. */
export function compose(
  list: readonly Middleware[],
  terminal: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return list.reduceRight<(request: Request) => Promise<Response>>(
    (next, middleware) => (request) => middleware(request, next),
    terminal,
  );
}

/**
 * Sends one request of an attempt. User middleware wraps this step only, and is the only place a
 * `Request` is built; fetch itself always gets `(url, init)` with headers as a plain object and the
 * body as a string. Middleware never sees the token (it is added after it).
 */
export async function send(
  call: Call<unknown>,
  signal: AbortSignal,
  expiredToken?: string,
): Promise<Response> {
  const init: SendInit = {
    method: call.spec.method,
    headers: { ...call.headers },
    signal,
    redirect: "manual",
  };
  if (call.body !== undefined) init.body = call.body;
  const middleware = call.state.settings.middleware;
  if (!middleware?.length) return deliver(call, call.href, init, expiredToken);
  return compose(middleware, async (request) =>
    deliver(
      call,
      request.url,
      {
        method: request.method,
        headers: Object.fromEntries(request.headers),
        ...(request.body === null ? {} : { body: await request.text() }),
        signal,
        redirect: "manual",
      },
      expiredToken,
    ),
  )(new Request(call.href, init));
}
