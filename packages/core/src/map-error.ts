import { decodeBody } from "./decode-body";
import {
  PlexAPIError,
  type PlexAPIErrorInit,
  PlexDeviceKeyTakenError,
  type PlexErrorEntry,
  PlexHomePinRequiredError,
  PlexPinExpiredError,
  PlexRateLimitError,
  PlexTokenExpiredError,
  PlexTwoFactorRequiredError,
  PlexUnauthorizedError,
} from "./errors";
import { parseRetryAfter } from "./internal/retry-after";
import { redactText } from "./redact";

const BODY_LIMIT = 2_000;

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

function toEntry(item: unknown): PlexErrorEntry | undefined {
  if (typeof item === "string") return { message: item };
  if (typeof item !== "object" || item === null) return undefined;
  const record = item as Record<string, unknown>;
  const text = record.message ?? record.error ?? record["#text"];
  const entry: PlexErrorEntry = { message: typeof text === "string" ? text : "" };
  const code = toNumber(record.code);
  const status = toNumber(record.status);
  if (code !== undefined) entry.code = code;
  if (status !== undefined) entry.status = status;
  return entry;
}

/**
 * Plex's error entries from a decoded body, in any of the shapes plex.tv uses:
 * `{"errors":[{code,message,status}]}`, `{"status":404,"error":"Not Found"}`,
 * and the XML forms (`<errors><error code=… message=…/>` or `<errors><error>Invalid token</error>`).
 */
export function plexErrorsOf(decoded: unknown): PlexErrorEntry[] {
  if (typeof decoded !== "object" || decoded === null) return [];
  const record = decoded as Record<string, unknown>;
  if ("errors" in record) {
    const list = Array.isArray(record.errors) ? record.errors : [record.errors];
    return list.map(toEntry).filter((entry): entry is PlexErrorEntry => entry !== undefined);
  }
  if (typeof record.error === "string") return [toEntry(record)!];
  return [];
}

const LOCKOUT =
  "Plex has temporarily locked sign-ins from this address after repeated failures; wait before trying again";

const EXPIRED =
  "Plex refused the access token as expired (HTTP 498): pass accessToken as a function that returns a fresh token";

export interface ErrorContext {
  /** Literal secrets (the token in use) to scrub from the body on top of field-based redaction. */
  secrets?: readonly (string | undefined)[];
  now?: number;
}

/** Builds the error class a non-2xx answer calls for, from its status, Plex code and message. */
export function createApiError(
  response: Pick<Response, "status" | "statusText" | "headers"> & { raw?: Response },
  plexErrors: PlexErrorEntry[],
  text: string,
  context: ErrorContext = {},
): PlexAPIError {
  const status = response.status;
  const first = plexErrors[0];
  const code = plexErrors.find((entry) => entry.code !== undefined)?.code;
  const codes = new Set(plexErrors.map((entry) => entry.code));
  const plexMessage = first?.message?.trim();
  const secrets = context.secrets ?? [];
  const body = redactText(text, secrets);
  const init: PlexAPIErrorInit = {
    message: redactText(plexMessage || `Plex answered ${status} ${response.statusText}`.trim(), secrets),
    statusCode: status,
    code,
    plexErrors: plexErrors.map((entry) => ({ ...entry, message: redactText(entry.message, secrets) })),
    body: body.length > BODY_LIMIT ? `${body.slice(0, BODY_LIMIT)}…` : body,
    headers: response.headers,
    rawResponse: response.raw,
  };
  if (codes.has(1041)) return new PlexHomePinRequiredError(init);
  if (codes.has(1029)) return new PlexTwoFactorRequiredError(init);
  if (status === 429 || codes.has(1003)) {
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), context.now ?? Date.now());
    return new PlexRateLimitError({ ...init, retryAfterMs });
  }
  if (codes.has(1031)) {
    return new PlexUnauthorizedError({
      ...init,
      message: plexMessage ? `${LOCKOUT} (${init.message})` : LOCKOUT,
    });
  }
  if (status === 422 && plexErrors.some((entry) => /thumbprint/i.test(entry.message))) {
    return new PlexDeviceKeyTakenError(init);
  }
  if (status === 498) {
    return new PlexTokenExpiredError({
      ...init,
      message: plexMessage ? `${EXPIRED} (${init.message})` : EXPIRED,
    });
  }
  const invalidToken = status === 422 && plexErrors.some((entry) => /invalid token/i.test(entry.message));
  if (status === 401 || codes.has(1001) || invalidToken) return new PlexUnauthorizedError(init);
  if (status === 404 && codes.has(1020)) return new PlexPinExpiredError(init);
  return new PlexAPIError(init);
}

/** Reads what Plex said in a non-2xx answer (JSON or XML, or neither) and maps it to an error. */
export async function toApiError(
  response: Response,
  text: string,
  context: ErrorContext = {},
): Promise<PlexAPIError> {
  let decoded: unknown;
  try {
    decoded = await decodeBody(text, response.headers.get("content-type") ?? "");
  } catch {
    decoded = undefined; // an HTML error page: fall back to the status line
  }
  return createApiError(
    { status: response.status, statusText: response.statusText, headers: response.headers, raw: response },
    plexErrorsOf(decoded),
    text,
    context,
  );
}
