import { checkServerToken, tokenOf } from "../authenticate.js";
import type { DemoContext, DemoRoute } from "../context.js";
import { notFound, plexError, respondWithMediaContainer, statusError } from "../respond.js";
import { ERRORS } from "./errors.js";

/**
 * A media server knows no "revoked" state of its own: any token it cannot use is simply unauthorized. Besides the
 * account's tokens it accepts its own `accessToken` (the one `/api/v2/resources` lists for it), as a real one does.
 */
function unauthorized(context: DemoContext): Response | null {
  if (tokenOf(context) === context.data.server.accessToken) return null;
  return checkServerToken(context) ? null : plexError(context.request, ERRORS.unauthorized);
}

/** `GET|POST /security/token?type=delegation&scope=all`: a short-lived transient token. */
export const securityTokenRoute: DemoRoute = (context) => {
  const refused = unauthorized(context);
  if (refused) return refused;
  const { searchParams } = context.url;
  if (searchParams.get("type") !== "delegation" || searchParams.get("scope") !== "all") {
    // A real server answers a bare 400 here: there is no Plex error code for it.
    return statusError(context.request, 400, "Bad Request");
  }
  return respondWithMediaContainer(context.request, { size: 0, token: context.data.transientToken });
};

/** `GET /security/resources?source=server://<clientIdentifier>`: how to reach that server, with its token. */
export const securityResourcesRoute: DemoRoute = (context) => {
  const refused = unauthorized(context);
  if (refused) return refused;
  const { server } = context.data;
  if (context.url.searchParams.get("source") !== `server://${server.clientIdentifier}`) {
    return notFound(context.request);
  }
  return respondWithMediaContainer(context.request, {
    size: 1,
    Device: {
      name: server.name,
      clientIdentifier: server.clientIdentifier,
      accessToken: server.accessToken,
      Connection: server.connections.map(({ IPv6: _ipv6, ...connection }) => connection),
    },
  });
};

/** `GET /identity`: open to anyone, as on a real server; clients use it to probe connections. */
export const identityRoute: DemoRoute = (context) =>
  respondWithMediaContainer(context.request, { ...context.data.identity });
