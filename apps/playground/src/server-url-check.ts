/** What the Settings field says about a server URL while it is typed, before the SDK refuses it. */
export type ServerURLCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: string; readonly suggestion?: string };

// `host:port` or `host/path` without a scheme (`192.168.1.10:32400`, `plex.local:32400`, `[::1]:32400`).
const SCHEMELESS = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?(\/.*)?$/i;

/**
 * Checks a server URL the way the SDK will (an absolute http: or https: URL, no credentials, no #fragment), and
 * suggests the likely fix. Empty is fine: the media server panels then say a server URL is needed.
 */
export function checkServerURL(raw: string): ServerURLCheck {
  const value = raw.trim();
  if (value === "") return { ok: true };
  // `new URL("plex.local:32400")` parses, with "plex.local:" as its scheme: catch host:port before parsing.
  if (!value.includes("://") && SCHEMELESS.test(value)) {
    return {
      ok: false,
      problem: `"${value}" has no http:// or https://`,
      suggestion: `http://${value}`,
    };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: `"${value}" is not a URL (for example http://192.168.1.10:32400)` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const rest = value.slice(value.indexOf("://") + 3);
    return {
      ok: false,
      problem: `a Plex server speaks http or https, not ${url.protocol.slice(0, -1)}`,
      ...(value.includes("://") && rest !== "" ? { suggestion: `http://${rest}` } : {}),
    };
  }
  if (url.username !== "" || url.password !== "") {
    return { ok: false, problem: "no user:password@ in the URL: the token goes in the token field" };
  }
  if (url.hash !== "") {
    return {
      ok: false,
      problem: "no #fragment in a server URL",
      suggestion: value.slice(0, value.indexOf("#")),
    };
  }
  return { ok: true };
}
