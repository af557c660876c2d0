import {
  PlexAbortError,
  PlexAPIError,
  PlexConnectionError,
  PlexTimeoutError,
  PlexValidationError,
} from "@plex/core";

/** Why a probe of one connection did not count. */
export type ProbeFailureReason =
  /** No answer within `timeoutMs`. */
  | "timeout"
  /** Nothing listens at that address and port (ECONNREFUSED). */
  | "refused"
  /** The host name did not resolve (ENOTFOUND): for `*.plex.direct`, often a router's DNS rebinding protection. */
  | "dns"
  /** The TLS handshake or certificate check failed. */
  | "tls"
  /** A Plex server answered, but not this device (another server at a reused LAN address). */
  | "wrong-server"
  /** The server answered with an HTTP error status (`statusCode`). */
  | "http-status"
  /** Something answered that is not a Plex server's identity (a captive portal, a web page). */
  | "invalid-answer"
  /** The device requires https (`httpsRequired`), so this http connection was not tried. */
  | "https-required"
  /** Any other network failure (reset, unreachable network; browsers say no more than this). */
  | "unreachable";

export interface ProbeFailure {
  reason: ProbeFailureReason;
  message: string;
  statusCode?: number;
}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_(GET|VERIFY)_|ERR_CERT)/;

/** Every `code` along the error's `cause` chain (and AggregateError members), outermost first. */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 12; seen++) {
    const next = queue.shift() as { code?: unknown; cause?: unknown; errors?: unknown } | null | undefined;
    if (next === null || typeof next !== "object") continue;
    if (typeof next.code === "string") codes.push(next.code);
    if (next.cause !== undefined) queue.push(next.cause);
    if (Array.isArray(next.errors)) queue.push(...next.errors);
  }
  return codes;
}

function reasonFromCode(code: string): ProbeFailureReason | undefined {
  if (code === "ECONNREFUSED") return "refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME") return "dns";
  if (TLS_CODE.test(code)) return "tls";
  return undefined;
}

// Before core kept the original error as `cause`, only its text carried the code: read it from there.
function reasonFromText(message: string): ProbeFailureReason | undefined {
  if (/ECONNREFUSED/.test(message)) return "refused";
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(message)) return "dns";
  if (
    /\b(ERR_TLS_\w+|ERR_SSL_\w+|CERT_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\b|certificate|self[- ]signed/i.test(
      message,
    )
  ) {
    return "tls";
  }
  return undefined;
}

/** Sorts a probe's error into a reason a person can act on; the message is the SDK's own (already redacted). */
export function classifyProbeError(error: unknown): ProbeFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (PlexTimeoutError.isInstance(error)) return { reason: "timeout", message };
  if (PlexAPIError.isInstance(error)) {
    return {
      reason: "http-status",
      message: `HTTP ${error.statusCode}: ${message}`,
      statusCode: error.statusCode,
    };
  }
  if (PlexValidationError.isInstance(error)) return { reason: "invalid-answer", message };
  if (PlexConnectionError.isInstance(error) || !PlexAbortError.isInstance(error)) {
    const fromCode = codesOf(error)
      .map(reasonFromCode)
      .find((reason) => reason !== undefined);
    return { reason: fromCode ?? reasonFromText(message) ?? "unreachable", message };
  }
  return { reason: "unreachable", message };
}
