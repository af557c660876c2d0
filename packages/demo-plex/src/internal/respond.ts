import { toXmlDocument, toXmlErrors, toXmlList } from "./xml.js";

/** plex.tv answers JSON only when Accept is exactly `application/json`; anything else (even `*\/*`) gets XML. */
export function wantsJson(request: Request): boolean {
  return request.headers.get("accept") === "application/json";
}

const JSON_TYPE = "application/json; charset=utf-8";
const XML_TYPE = "application/xml; charset=utf-8";

function send(status: number, contentType: string, body: string): Response {
  return new Response(body, {
    status,
    headers: { "content-type": contentType, "cache-control": "no-cache" },
  });
}

/** A body as JSON or as an XML element named `xmlName`, following the request's Accept header. */
export function respondWith(
  request: Request,
  status: number,
  xmlName: string,
  body: Record<string, unknown>,
): Response {
  return wantsJson(request)
    ? send(status, JSON_TYPE, JSON.stringify(body))
    : send(status, XML_TYPE, toXmlDocument(xmlName, body));
}

/** A JSON array, or an XML list with a wrapper element (`resources` → `<resources><resource/>…`). */
export function respondWithList(
  request: Request,
  xmlName: string,
  items: readonly Record<string, unknown>[],
): Response {
  return wantsJson(request)
    ? send(200, JSON_TYPE, JSON.stringify(items))
    : send(200, XML_TYPE, toXmlList(xmlName, items));
}

/** PMS wraps everything in a MediaContainer, in JSON and in XML alike. */
export function respondWithMediaContainer(request: Request, container: Record<string, unknown>): Response {
  return wantsJson(request)
    ? send(200, JSON_TYPE, JSON.stringify({ MediaContainer: container }))
    : send(200, XML_TYPE, toXmlDocument("MediaContainer", container));
}

export interface PlexErrorEntry {
  code: number;
  message: string;
  status: number;
}

/**
 * A plex.tv error in `{ errors: [...] }` form. `format: "xml"` forces XML whatever the Accept header says:
 * the real rate-limit, lockout and invalid-token answers were captured as XML from JSON clients.
 */
export function plexError(request: Request, error: PlexErrorEntry, format?: "xml"): Response {
  if (format !== "xml" && wantsJson(request)) {
    return send(error.status, JSON_TYPE, JSON.stringify({ errors: [error] }));
  }
  return send(error.status, XML_TYPE, toXmlErrors([error]));
}

/** plex.tv's answer to a deauthorised token: 422 with a bare `<error>` text node, always XML. */
export function invalidToken(): Response {
  return send(
    422,
    XML_TYPE,
    '<?xml version="1.0" encoding="UTF-8"?>\n<errors><error>Invalid token</error></errors>\n',
  );
}

/** An error without a Plex code, in the `{ status, error }` shape plex.tv uses for unknown paths. */
export function statusError(request: Request, status: number, error: string): Response {
  return wantsJson(request)
    ? send(status, JSON_TYPE, JSON.stringify({ status, error }))
    : send(status, XML_TYPE, toXmlDocument("Response", { code: status, status: error }));
}

export function notFound(request: Request): Response {
  return statusError(request, 404, "Not Found");
}

/** HTTP 498: plex.tv's answer to an expired Plex JWT (no Plex error code is known for it). */
export function tokenExpired(request: Request): Response {
  return statusError(request, 498, "Token Expired");
}
