import { PlexInvalidRequestError } from "@plex/core";

/** Where plex.tv's own sign-in page lives; the user approves the PIN there. */
export const PLEX_AUTH_APP_URL = "https://app.plex.tv/auth";

/** What goes into the auth app URL. Spread `client.options` in to pass every identity field at once. */
export interface BuildAuthAppURLRequest {
  /** The client identifier that created the PIN (`X-Plex-Client-Identifier`). */
  clientIdentifier: string;
  /** The PIN's `code` (create it with `strong: true`). */
  code: string;
  /** The app name the user is asked to approve. */
  product?: string;
  version?: string;
  platform?: string;
  platformVersion?: string;
  device?: string;
  deviceName?: string;
  model?: string;
  /** An http(s) URL plex.tv sends the browser back to after the user approves (the redirect flow). */
  forwardUrl?: string;
  /** Replaces https://app.plex.tv/auth (a demo or a test page). http(s) only. */
  authAppURL?: string;
}

// Sent as `context[device][<name>]`, in this order, when set.
const CONTEXT_FIELDS = [
  "product",
  "version",
  "platform",
  "platformVersion",
  "device",
  "deviceName",
  "model",
] as const;

function isHttpURL(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

type Field = keyof BuildAuthAppURLRequest;

// Whitespace and control characters in a base URL would survive into the address (a line break after "#" even
// hides the parameters from app.plex.tv).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE_IN_URL = /[\s\u0000-\u001f\u007f\u2028\u2029]/;

/**
 * Checked by hand rather than with a schema: this runs in the PlexAPI bundle, where zod's string and refine
 * kinds would cost more than the whole function. Issues name the field, never the value.
 */
function checkInput(request: BuildAuthAppURLRequest): void {
  const issues: { path: Field[]; message: string }[] = [];
  const fields = request as unknown as Record<Field, unknown>;
  for (const field of ["clientIdentifier", "code"] as const) {
    if (typeof fields[field] !== "string" || fields[field] === "") {
      issues.push({ path: [field], message: "must be a non-empty string" });
    }
  }
  for (const field of CONTEXT_FIELDS) {
    if (fields[field] !== undefined && typeof fields[field] !== "string") {
      issues.push({ path: [field], message: "must be a string" });
    }
  }
  for (const field of ["forwardUrl", "authAppURL"] as const) {
    const value = fields[field];
    if (value !== undefined && !(typeof value === "string" && isHttpURL(value))) {
      issues.push({ path: [field], message: "must be an absolute http(s) URL" });
    }
  }
  const base = fields.authAppURL;
  if (typeof base === "string" && UNSAFE_IN_URL.test(base)) {
    issues.push({ path: ["authAppURL"], message: "must not contain spaces or control characters" });
  }
  if (issues.length > 0) {
    const list = issues.map((issue) => `${issue.path[0]}: ${issue.message}`).join("; ");
    throw new PlexInvalidRequestError(`Invalid buildAuthAppURL request: ${list}`, { issues });
  }
}

/**
 * The app.plex.tv address where the user approves a PIN: `https://app.plex.tv/auth#?clientID=…&code=…&
 * context[device][product]=…&forwardUrl=…`. Pure: nothing is sent. Every value is percent-encoded, so spaces,
 * `&`, `#` and non-ASCII text in a product name or forward URL arrive as written. The parameters sit after `#`,
 * so they never reach a server log.
 *
 * Throws PlexInvalidRequestError for an empty identifier or code, or a `forwardUrl` / `authAppURL` that is not
 * an absolute http(s) URL (a `javascript:` forward URL would run in plex.tv's page).
 *
 * @example
 * const url = buildAuthAppURL({ clientIdentifier: "my-app-1f3c", code: pin.code, product: "My App" });
 */
export function buildAuthAppURL(request: BuildAuthAppURLRequest): string {
  checkInput(request);
  const input = request;
  const base = (input.authAppURL ?? PLEX_AUTH_APP_URL).replace(/#.*$/, "");
  const pairs: [string, string][] = [
    ["clientID", input.clientIdentifier],
    ["code", input.code],
  ];
  for (const field of CONTEXT_FIELDS) {
    const value = input[field];
    if (value !== undefined) pairs.push([`context[device][${field}]`, value]);
  }
  if (input.forwardUrl !== undefined) pairs.push(["forwardUrl", input.forwardUrl]);
  // Keys are written as app.plex.tv documents them (brackets visible); values use encodeURIComponent, which
  // turns a space into %20 (app.plex.tv does not read `+` as a space).
  try {
    return `${base}#?${pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join("&")}`;
  } catch {
    // encodeURIComponent throws a bare URIError on a lone surrogate: text that cannot be put in a URL.
    throw new PlexInvalidRequestError(
      "Invalid buildAuthAppURL request: a field holds malformed text (a lone surrogate)",
    );
  }
}
