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
  /** The error's message; when `issues` lists the details, only the part before them (each issue shows once). */
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
  if (PlexConnectionError.isInstance(error)) return connectionAdvice(error);
  if (PlexTimeoutError.isInstance(error))
    return "The server took too long to answer: check the URL and the network.";
  if (PlexAbortError.isInstance(error)) return "The request was cancelled.";
  if (PlexValidationError.isInstance(error)) {
    return "Plex answered in a shape the SDK does not expect: see the issues below, and report it if the server is real.";
  }
  if (PlexInvalidRequestError.isInstance(error)) return invalidRequestAdvice(error);
  return "Unexpected SDK error.";
}

const PLEX_TV_HOSTS = new Set(["plex.tv", "clients.plex.tv"]);

/** Names what was unreachable: plex.tv and a media server need different fixes. */
function connectionAdvice(error: PlexConnectionError): string {
  if (PLEX_TV_HOSTS.has(error.host)) {
    return `plex.tv (${error.host}) could not be reached: check this computer's internet connection (in live mode the playground's dev server, which forwards requests, must still be running).`;
  }
  return `The server ${error.host} could not be reached: check the server URL in Settings, that Plex Media Server is running there, and that this computer can reach it.`;
}

/** Nothing was sent; say which input to fix, from the SDK's issues or message. */
function invalidRequestAdvice(error: PlexInvalidRequestError): string {
  const where = new Set(error.issues.flatMap((issue) => issue.path.map(String)));
  const text = error.message;
  if (/needs an access token|accessToken/i.test(text)) {
    return "Nothing was sent: this operation needs a token. Sign in first (Start here), or enter a token in Settings.";
  }
  if (/serverURL|plexTvURL/.test(text)) {
    return "Nothing was sent: fix the server URL in Settings (an absolute http:// or https:// URL, e.g. http://192.168.1.10:32400).";
  }
  if (/clientIdentifier/.test(text) || where.has("clientIdentifier")) {
    return "Nothing was sent: the client identifier is empty. Use “New identifier” in Settings.";
  }
  if (where.has("source")) {
    return "Nothing was sent: source must look like server://<machineIdentifier> (live mode: “Find from the server URL”).";
  }
  if (where.has("verificationCode")) {
    return "Nothing was sent: the 2FA code is the 6 digits from your authenticator app.";
  }
  if (where.has("login") || where.has("password")) {
    return "Nothing was sent: enter both the login (email or username) and the password.";
  }
  if (where.has("pin")) return "Nothing was sent: a Home PIN is 4 digits.";
  if (where.has("uuid")) {
    return "Nothing was sent: enter the member's uuid (run “Plex Home: members” to list them).";
  }
  const fields = [...where].filter((name) => name !== "" && name !== "requestBody" && !/^\d+$/.test(name));
  return fields.length > 0
    ? `Nothing was sent: fix ${fields.join(", ")} (see below).`
    : "Nothing was sent: fix the input described above.";
}

function issuesOf(error: PlexError): readonly { path: readonly PropertyKey[]; message: string }[] {
  return PlexValidationError.isInstance(error) || PlexInvalidRequestError.isInstance(error)
    ? error.issues
    : [];
}

/**
 * Each issue shown once. An option error's one issue is the message itself (`serverURL "…" is not an absolute
 * URL: did you mean …?`): the message stays whole and the list goes. A schema error's message restates its issues
 * (`Invalid request body: login: Required; password: Required`): the headline stays and the list says the rest.
 */
function messageAndIssues(error: PlexError): { message: string; issues?: string[] } {
  const rest = issuesOf(error).filter((issue) => issue.message !== error.message);
  if (rest.length === 0) return { message: error.message };
  const lines = rest.map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`);
  const colon = error.message.indexOf(": ");
  const restated = colon !== -1 && lines.slice(0, 3).every((line) => error.message.includes(line));
  return { message: restated ? error.message.slice(0, colon) : error.message, issues: lines };
}

export function describeError(error: unknown): ErrorDescription {
  if (PlexError.isInstance(error)) {
    const api = PlexAPIError.isInstance(error) ? error : undefined;
    const { message, issues } = messageAndIssues(error);
    return {
      className: error.name,
      ...(api === undefined ? {} : { statusCode: api.statusCode }),
      ...(api?.code === undefined ? {} : { code: api.code }),
      message,
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
