import { checkToken } from "../authenticate.js";
import type { DemoRoute } from "../context.js";
import { invalidToken, plexError } from "../respond.js";
import { ERRORS } from "./errors.js";

/**
 * `GET /api/v2/ping`: plex.tv's keep-alive for a token. The known answer is `<pong>true</pong>` (python-plexapi
 * reads the element's text); no JSON capture exists, so the demo answers that XML whatever the Accept header.
 */
export const pingRoute: DemoRoute = (context) => {
  const check = checkToken(context);
  if (check.kind === "revoked") return invalidToken();
  if (check.kind !== "valid") return plexError(context.request, ERRORS.unauthorized);
  return new Response('<?xml version="1.0" encoding="UTF-8"?>\n<pong>true</pong>\n', {
    status: 200,
    headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "no-cache" },
  });
};
