import {
  PlexAbortError,
  PlexAPIError,
  PlexConnectionError,
  PlexDeviceKeyTakenError,
  PlexError,
  PlexHomePinRequiredError,
  PlexInvalidJwtError,
  PlexInvalidRequestError,
  PlexRateLimitError,
  PlexTimeoutError,
  PlexTokenExpiredError,
  PlexTwoFactorRequiredError,
  PlexUnauthorizedError,
  PlexValidationError,
} from "@plex/auth";
import { CancelledError, CliError } from "./cli-error.js";
import { EXIT } from "./exit-codes.js";

export interface RenderedError {
  /** One line: what happened, then what to do. */
  readonly message: string;
  /** For `--json`: the SDK error class (or CliError) so scripts can branch without parsing text. */
  readonly kind: string;
  readonly exitCode: number;
  readonly statusCode?: number;
  readonly code?: number;
}

/** What the failing step was doing: the same 401 means "wrong password" at sign-in and "bad token" elsewhere. */
export type ErrorStage = "sign-in" | "token" | "server";

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join("[REDACTED]");
  return out;
}

function describe(
  error: unknown,
  stage: ErrorStage,
): Omit<RenderedError, "exitCode"> & { exitCode?: number } {
  if (error instanceof CancelledError || error instanceof PlexAbortError)
    return { kind: "Cancelled", message: "Cancelled: nothing was stored.", exitCode: EXIT.cancelled };
  if (error instanceof CliError)
    return { kind: error.name, message: error.message, exitCode: error.exitCode };
  if (error instanceof PlexTwoFactorRequiredError)
    return {
      kind: "PlexTwoFactorRequiredError",
      statusCode: error.statusCode,
      code: error.code,
      message:
        "This account uses two-factor authentication and the code was missing or wrong: run again with --code <code> or from a terminal to be asked for it.",
    };
  if (error instanceof PlexRateLimitError) {
    const wait =
      error.retryAfterMs === undefined ? "a minute or two" : `${Math.ceil(error.retryAfterMs / 1000)} s`;
    return {
      kind: "PlexRateLimitError",
      statusCode: error.statusCode,
      code: error.code,
      message: `plex.tv is limiting requests from this address (HTTP ${error.statusCode}): wait ${wait} and try again.`,
    };
  }
  if (error instanceof PlexTokenExpiredError)
    return {
      kind: "PlexTokenExpiredError",
      statusCode: error.statusCode,
      code: error.code,
      message:
        "The Plex JWT has expired (HTTP 498) and could not be refreshed: run `plex-auth login --jwt` to sign in again.",
    };
  if (error instanceof PlexUnauthorizedError) {
    const base = { kind: "PlexUnauthorizedError", statusCode: error.statusCode, code: error.code };
    if (error.code === 1031)
      return {
        ...base,
        message:
          "plex.tv has locked sign-ins from this address after repeated failures: wait before trying again, or use `plex-auth login` (PIN) instead.",
      };
    if (stage === "sign-in")
      return {
        ...base,
        message: `plex.tv did not accept the login or password (${oneLine(error.message)}): check them, or use \`plex-auth login\` (PIN), which also works for Google, Apple and Facebook accounts.`,
      };
    if (stage === "server")
      return {
        ...base,
        message: `The server refused the token (HTTP ${error.statusCode}): sign in again with \`plex-auth login\`, or check that this account can use the server.`,
      };
    return {
      ...base,
      message: `plex.tv refused the token (HTTP ${error.statusCode}: ${oneLine(error.message)}): it is wrong or was revoked; run \`plex-auth login\` to get a new one.`,
    };
  }
  if (error instanceof PlexDeviceKeyTakenError)
    return {
      kind: "PlexDeviceKeyTakenError",
      statusCode: error.statusCode,
      code: error.code,
      message:
        "plex.tv already has this device key (thumbprint taken): run `plex-auth logout`, then `plex-auth login --jwt` for a new key.",
    };
  if (error instanceof PlexHomePinRequiredError)
    return {
      kind: "PlexHomePinRequiredError",
      statusCode: error.statusCode,
      code: error.code,
      message:
        "This Plex Home profile is protected by a PIN and it was missing or wrong: give the profile's PIN.",
    };
  if (error instanceof PlexAPIError)
    return {
      kind: "PlexAPIError",
      statusCode: error.statusCode,
      code: error.code,
      message: `Plex answered HTTP ${error.statusCode}${error.code === undefined ? "" : ` (code ${error.code})`}: ${oneLine(error.message)}. Try again later; if it persists, check --plex-tv-url.`,
    };
  if (error instanceof PlexConnectionError)
    return {
      kind: "PlexConnectionError",
      message: `Could not reach ${error.host} (${connectionCause(error)}): check your network connection and --plex-tv-url / PLEX_TV_URL.`,
    };
  if (error instanceof PlexTimeoutError)
    return {
      kind: "PlexTimeoutError",
      message: `No answer within ${Math.round(error.timeoutMs / 1000)} s: the network or Plex is slow or down; try again.`,
    };
  if (error instanceof PlexValidationError)
    return {
      kind: "PlexValidationError",
      message: `Plex answered in a shape plex-auth does not understand (${oneLine(error.message)}): please report it, with the output of \`plex-auth --version\`.`,
    };
  if (error instanceof PlexInvalidJwtError)
    return {
      kind: "PlexInvalidJwtError",
      message: `The Plex JWT did not pass the ${error.check} check: run \`plex-auth login --jwt\` to get a new one.`,
    };
  if (error instanceof PlexInvalidRequestError)
    return { kind: "PlexInvalidRequestError", message: `${oneLine(error.message)}`, exitCode: EXIT.usage };
  if (error instanceof PlexError) return { kind: error.name, message: oneLine(error.message) };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "Error", message: `Unexpected error: ${oneLine(message)}. Please report it.` };
}

/** The system error code behind a connection failure (ECONNREFUSED, ENOTFOUND, a TLS code…), or core's summary. */
function connectionCause(error: PlexConnectionError): string {
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 4 && cause; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string") return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  // Core names the system code in its message ("…: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1"): keep the code.
  const code = /\b(?:E[A-Z]{3,}|ERR_[A-Z0-9_]+|UND_ERR_[A-Z_]+|[A-Z_]*CERT[A-Z_]*)\b/.exec(
    error.message,
  )?.[0];
  const after = error.message.split(": ").slice(1).join(": ");
  return code ?? oneLine(after || "connection failed");
}

/** Turns any thrown value into one safe line and an exit code. `secrets` are scrubbed from the text. */
export function renderError(
  error: unknown,
  stage: ErrorStage,
  secrets: readonly (string | undefined)[] = [],
): RenderedError {
  const described = describe(error, stage);
  return {
    ...described,
    message: scrub(described.message, secrets),
    exitCode: described.exitCode ?? EXIT.failure,
  };
}
