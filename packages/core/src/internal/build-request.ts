import { PlexInvalidRequestError } from "../errors";
import type { QueryValue, RequestSpec } from "../types";

// Query flags go as 1/0 (Plex's convention); form fields as true/false (how the API spec types them).
const flag = (value: boolean) => (value ? "1" : "0");

function appendParams(
  params: URLSearchParams,
  values: Record<string, QueryValue> | undefined,
  what: string,
  toFlag: (value: boolean) => string = flag,
): void {
  if (values === undefined) return;
  if (typeof values !== "object" || values === null)
    throw new PlexInvalidRequestError(`${what} must be an object`);
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (!["string", "number", "boolean"].includes(typeof value)) {
      throw new PlexInvalidRequestError(`${what}.${key} must be a string, number or boolean`);
    }
    params.append(key, typeof value === "boolean" ? toFlag(value) : String(value));
  }
}

// base → path → joined href. A client calls the same few endpoints over and over, and parsing
// and re-serialising a URL is a visible part of a call's cost; the result depends on nothing else.
const joined = new Map<string, Map<string, string>>();
const MAX_CACHED = 64;

/**
 * Joins base URL and path. The path only ever extends the base path: assigning `pathname`
 * percent-encodes `?` and `#`, so a path can never change the origin or smuggle a query.
 */
function join(base: string, path: string): string {
  let paths = joined.get(base);
  const known = paths?.get(path);
  if (known !== undefined) return known;
  const url = new URL(base);
  const suffix = path.startsWith("/") ? path : `/${path}`;
  url.pathname = url.pathname.replace(/\/+$/, "") + suffix;
  if (paths === undefined || paths.size >= MAX_CACHED) {
    if (joined.size >= MAX_CACHED) joined.clear();
    paths = new Map();
    joined.set(base, paths);
  }
  paths.set(path, url.href);
  return url.href;
}

/** The request URL: base and path joined (see `join`), then the query appended. */
export function buildHref(base: string, path: string, query: Record<string, QueryValue> | undefined): string {
  const href = join(base, path);
  if (query === undefined) return href;
  const url = new URL(href);
  appendParams(url.searchParams, query, "query");
  return url.href;
}

export interface EncodedBody {
  body: string;
  contentType: string;
}

/** A string body, so every retry and same-origin redirect can send it again. */
export function encodeBody(body: RequestSpec<unknown>["body"]): EncodedBody | undefined {
  if (body === undefined) return undefined;
  if ("form" in body) {
    const params = new URLSearchParams();
    appendParams(params, body.form, "body.form", String);
    return { body: params.toString(), contentType: "application/x-www-form-urlencoded" };
  }
  if ("json" in body) {
    let text: string | undefined;
    try {
      text = JSON.stringify(body.json);
    } catch {
      throw new PlexInvalidRequestError("body.json cannot be serialised to JSON");
    }
    if (text === undefined) throw new PlexInvalidRequestError("body.json cannot be serialised to JSON");
    return { body: text, contentType: "application/json" };
  }
  throw new PlexInvalidRequestError("body must be { form } or { json }");
}
