import { redactHeaders, redactUrl } from "../redact";
import type { Logger } from "../types";

export function safeDebug(
  logger: Logger | undefined,
  message: string,
  details: Record<string, unknown>,
): void {
  try {
    logger?.debug(message, details);
  } catch {
    // ignored on purpose: logging is best effort, a throwing logger must not fail a good call
  }
}

/**
 * Logs one request (URL and headers redacted, before the token is added) and returns the function
 * that logs how it ended, with its duration.
 */
export function logRequest(
  logger: Logger | undefined,
  operation: string,
  request: { method: string; url: string; headers: Record<string, string> },
): (outcome: Response | unknown) => void {
  if (logger === undefined) return () => {};
  const started = Date.now();
  safeDebug(logger, "plex request", {
    operation,
    method: request.method,
    url: redactUrl(request.url),
    headers: redactHeaders(request.headers),
  });
  return (outcome) => {
    const ok = outcome instanceof Response;
    safeDebug(logger, ok ? "plex response" : "plex request failed", {
      operation,
      ...(ok
        ? { status: outcome.status, contentType: outcome.headers.get("content-type") ?? "" }
        : { error: (outcome as Error)?.name ?? "Error" }),
      durationMs: Date.now() - started,
    });
  };
}
