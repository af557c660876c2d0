import {
  PlexAbortError,
  PlexAPIError,
  PlexConnectionError,
  PlexError,
  PlexHomePinRequiredError,
  PlexInvalidJwtError,
  PlexInvalidRequestError,
  PlexRateLimitError,
  PlexTimeoutError,
  PlexTwoFactorRequiredError,
  PlexUnauthorizedError,
  PlexValidationError,
} from "@plex/auth";

export interface ErrorDescription {
  /** The SDK class, e.g. `PlexTwoFactorRequiredError` (from `error.name`, which survives minification). */
  className: string;
  statusCode?: number;
  /** Plex's own error code, e.g. 1029. */
  code?: number;
  message: string;
  /** What the user can do about it, in one sentence. */
  advice: string;
  issues?: string[];
}

const LOCKOUT_CODE = 1031;
const CLIENT_IDENTIFIER_MISSING_CODE = 1000;

function unauthorizedAdvice(error: PlexUnauthorizedError): string {
  if (error.code === LOCKOUT_CODE) {
    return "Plex blocked sign-ins from this address after repeated failures: wait a while, check the login and password, then try once.";
  }
  if (error.statusCode === 422) {
    return "This token was revoked (signed out, or the device was removed): sign in again to get a new token.";
  }
  return "Check the login and password, or the token in Settings: sign in again to get a fresh token.";
}

function apiAdvice(error: PlexAPIError): string {
  // The live proxy answers in Plex's error shape; its messages start with this prefix.
  if (error.message.startsWith("Playground proxy:")) {
    return "The playground's proxy could not forward this: check the server URL (http or https, reachable from this machine).";
  }
  if (error.code === CLIENT_IDENTIFIER_MISSING_CODE) {
    return "Plex needs X-Plex-Client-Identifier: check the client identifier in Settings.";
  }
  if (error.statusCode === 404)
    return "Nothing there: check the server URL and the source (server://<machineIdentifier>).";
  if (error.statusCode >= 500) return "The server had a problem: try again in a moment.";
  return `Plex refused the request (HTTP ${error.statusCode}): check the inputs and the token.`;
}

function adviceFor(error: PlexError): string {
  if (PlexTwoFactorRequiredError.isInstance(error)) {
    return "This account uses two-factor authentication: enter the 6-digit code from your authenticator app in “2FA code” and sign in again.";
  }
  if (PlexHomePinRequiredError.isInstance(error)) {
    return "This Home member is protected: enter their 4-digit Home PIN (a missing or wrong PIN gets this error).";
  }
  if (PlexInvalidJwtError.isInstance(error)) {
    return `The Plex JWT failed the “${error.check}” check: refresh it, and do not trust it until it verifies.`;
  }
  if (PlexRateLimitError.isInstance(error)) {
    return error.retryAfterMs === undefined
      ? "Plex is rate-limiting this client and gave no Retry-After: wait a minute before trying again, and do not retry in a loop."
      : `Plex is rate-limiting this client: wait ${Math.ceil(error.retryAfterMs / 1000)} s before trying again.`;
  }
  if (PlexUnauthorizedError.isInstance(error)) return unauthorizedAdvice(error);
  if (PlexAPIError.isInstance(error)) return apiAdvice(error);
  if (PlexConnectionError.isInstance(error)) {
    return `Could not reach ${error.host}: check the server URL and that the server is up (in live mode, that the playground's dev server is still running).`;
  }
  if (PlexTimeoutError.isInstance(error))
    return "The server took too long to answer: check the URL and the network.";
  if (PlexAbortError.isInstance(error)) return "The request was cancelled.";
  if (PlexValidationError.isInstance(error)) {
    return "Plex answered in a shape the SDK does not expect: see the issues below, and report it if the server is real.";
  }
  if (PlexInvalidRequestError.isInstance(error)) {
    return "Nothing was sent: fix the input (a token-only operation needs a token in Settings, or sign in first).";
  }
  return "Unexpected SDK error.";
}

function issuesOf(error: PlexError): string[] | undefined {
  if (PlexValidationError.isInstance(error) || PlexInvalidRequestError.isInstance(error)) {
    return error.issues.map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`);
  }
  return undefined;
}

export function describeError(error: unknown): ErrorDescription {
  if (PlexError.isInstance(error)) {
    const api = PlexAPIError.isInstance(error) ? error : undefined;
    const issues = issuesOf(error);
    return {
      className: error.name,
      ...(api === undefined ? {} : { statusCode: api.statusCode }),
      ...(api?.code === undefined ? {} : { code: api.code }),
      message: error.message,
      advice: adviceFor(error),
      ...(issues === undefined ? {} : { issues }),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    className: error instanceof Error ? error.name : typeof error,
    message,
    advice: "Unexpected error.",
  };
}
