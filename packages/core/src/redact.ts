/** What replaces every secret in errors, logs and inspect output. */
export const REDACTED = "[REDACTED]";

/**
 * Field, header and parameter names whose values are credentials, lower case (compared
 * case-insensitively). The one list: core's redaction, and every app that masks values, use it.
 * `secret` covers `services[].secret` of an account; `pin` the Home user PIN (`/home/users/…/switch`).
 */
export const SECRET_NAMES: readonly string[] = Object.freeze([
  "x-plex-token",
  "authtoken",
  "authenticationtoken",
  "authentication-token",
  "accesstoken",
  "access_token",
  "token",
  "password",
  "passwd",
  "verificationcode",
  "secret",
  "pin",
  // The JWT flow: the device JWT posted to /auth/token, polled as `deviceJWT`, and the Plex JWT answered.
  "jwt",
  "devicejwt",
  "auth_token",
]);
const NAMES = SECRET_NAMES.join("|");
const SECRET_KEY = new RegExp(`^(?:${NAMES})$`, "i");
const SECRET_HEADERS = new Set([
  "x-plex-token",
  "authorization",
  "cookie",
  "set-cookie",
  "proxy-authorization",
]);

const JSON_FIELD = new RegExp(`("(?:${NAMES})"\\s*:\\s*)(?:"(?:[^"\\\\]|\\\\.)*"|[^,}\\]\\s]+)`, "gi");
const XML_ATTRIBUTE = new RegExp(`(\\b(?:${NAMES})\\s*=\\s*)(?:"[^"]*"|'[^']*')`, "gi");
const XML_ELEMENT = new RegExp(`(<(${NAMES})(?:\\s[^>]*)?>)[^<]*(</\\2\\s*>)`, "gi");
const FORM_FIELD = new RegExp(`((?:^|[?&;\\s])(?:${NAMES})=)[^&\\s"'<>;]*`, "gi");

/** True for names such as `authToken`, `password` or `X-Plex-Token`. */
export function isSecretName(name: string): boolean {
  return SECRET_KEY.test(name);
}

/**
 * Scrubs secrets from free text: JSON fields, XML attributes and elements, form or query
 * parameters, and any literal secret value passed in `secrets` (e.g. the token in use).
 */
export function redactText(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text
    .replace(JSON_FIELD, `$1"${REDACTED}"`)
    .replace(XML_ATTRIBUTE, `$1"${REDACTED}"`)
    .replace(XML_ELEMENT, `$1${REDACTED}$3`)
    .replace(FORM_FIELD, `$1${REDACTED}`);
  for (const secret of secrets) {
    // Very short values would redact ordinary words; real tokens are long.
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** The URL with `X-Plex-Token` (and other secret) query parameters and user info replaced. */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return redactText(String(url));
  }
  if (parsed.username) parsed.username = REDACTED;
  if (parsed.password) parsed.password = REDACTED;
  for (const key of [...parsed.searchParams.keys()]) {
    if (isSecretName(key)) parsed.searchParams.set(key, REDACTED);
  }
  // Keep the marker readable in logs instead of percent-encoded.
  return parsed.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

/** A plain object copy of the headers with credentials (X-Plex-Token, cookies…) replaced. */
export function redactHeaders(
  headers: Headers | Record<string, string> | readonly (readonly [string, string])[] | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries: Iterable<readonly [string, string]> =
    typeof (headers as Headers).entries === "function" && !Array.isArray(headers)
      ? (headers as Headers).entries()
      : Array.isArray(headers)
        ? headers
        : Object.entries(headers as Record<string, string>);
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    out[lower] = SECRET_HEADERS.has(lower) || isSecretName(lower) ? REDACTED : redactText(value);
  }
  return out;
}

/**
 * A deep copy of `value` with secret fields replaced, safe to log or attach to an error.
 * Strings are scrubbed as text (plus any literal `secrets`); cycles and very deep values are cut.
 */
export function redact(value: unknown, secrets: readonly (string | undefined)[] = []): unknown {
  return redactValue(value, new WeakSet(), 0, secrets);
}

function redactValue(
  value: unknown,
  seen: WeakSet<object>,
  depth: number,
  secrets: readonly (string | undefined)[],
): unknown {
  if (typeof value === "string") return redactText(value, secrets);
  if (typeof value !== "object" || value === null) return value;
  if (depth > 32 || seen.has(value)) return "[Circular or too deep]";
  seen.add(value);
  if (value instanceof URL) return redactUrl(value);
  if (typeof Headers !== "undefined" && value instanceof Headers) return redactHeaders(value);
  if (typeof URLSearchParams !== "undefined" && value instanceof URLSearchParams) {
    return redactText(`?${value.toString()}`).slice(1);
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, seen, depth + 1, secrets));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const safe =
      isSecretName(key) && item !== null && item !== undefined
        ? REDACTED
        : redactValue(item, seen, depth + 1, secrets);
    // defineProperty, not assignment: a "__proto__" key from JSON.parse must stay a plain field.
    Object.defineProperty(out, key, { value: safe, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
