import { PlexInvalidRequestError } from "../errors";
import type { QueryValue, RequestSpec } from "../types";

function toParam(value: Exclude<QueryValue, undefined>): string {
  // Plex reads flags as 1/0, not true/false.
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(value);
}

function appendParams(
  params: URLSearchParams,
  values: Record<string, QueryValue> | undefined,
  what: string,
): void {
  if (values === undefined) return;
  if (typeof values !== "object" || values === null)
    throw new PlexInvalidRequestError(`${what} must be an object`);
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (!["string", "number", "boolean"].includes(typeof value)) {
      throw new PlexInvalidRequestError(`${what}.${key} must be a string, number or boolean`);
    }
    params.append(key, toParam(value));
  }
}

/**
 * Joins base URL and path. The path only ever extends the base path: assigning `pathname`
 * percent-encodes `?` and `#`, so a path can never change the origin or smuggle a query.
 */
export function buildUrl(base: string, path: string, query: Record<string, QueryValue> | undefined): URL {
  const url = new URL(base);
  const suffix = path.startsWith("/") ? path : `/${path}`;
  url.pathname = url.pathname.replace(/\/+$/, "") + suffix;
  appendParams(url.searchParams, query, "query");
  return url;
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
    appendParams(params, body.form, "body.form");
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
