import type { DemoProbeURIs } from "./constants.js";
import { createDemoData, type DemoData } from "./demo-data.js";
import { clientIdentifierOf } from "./internal/authenticate.js";
import type { DemoContext, DemoRoute } from "./internal/context.js";
import { createJwtState, type DemoJwtState } from "./internal/jwt-state.js";
import { type DemoStorage, loadPins, savePins } from "./internal/pin-storage.js";
import { notFound, plexError } from "./internal/respond.js";
import { authPageRoute } from "./internal/routes/auth-page-route.js";
import { ERRORS } from "./internal/routes/errors.js";
import { homeUsersRoute, switchHomeUserRoute } from "./internal/routes/home-routes.js";
import {
  exchangeJwtRoute,
  jwtKeysRoute,
  nonceRoute,
  registerJwkRoute,
} from "./internal/routes/jwt-routes.js";
import { pingRoute } from "./internal/routes/ping-route.js";
import { createPinRoute, getPinRoute, linkPinRoute } from "./internal/routes/pins-route.js";
import { resourcesRoute } from "./internal/routes/resources-route.js";
import {
  identityRoute,
  securityResourcesRoute,
  securityTokenRoute,
} from "./internal/routes/security-routes.js";
import { signInRoute } from "./internal/routes/sign-in-route.js";
import { userRoute } from "./internal/routes/user-route.js";

export interface DemoPlexOptions {
  /** The clock for pin timestamps and expiry and for `rememberExpiresAt`; inject one for deterministic tests. */
  now?: () => Date;
  /**
   * How many polls of `GET /api/v2/pins/:id` answer "unclaimed" before the pin claims itself (the terminal tour,
   * tests without a browser). Default 1. `Infinity`: only Allow on the demo auth page claims a pin, as on plex.tv.
   */
  pinClaimAfterPolls?: number;
  /** Lifetime of new pins in seconds (short ones for expiry tests). Default plex.tv's: 900, 1800 when strong. */
  pinLifetimeSeconds?: number;
  /**
   * Keeps pins in this storage (localStorage in a browser) so that the auth page in a popup, or the same tab
   * after a redirect, sees the pins this demo created, and so that this demo sees the codes the page approved.
   */
  storage?: DemoStorage;
  /** Where the servers' connections in `/api/v2/resources` lead. Default `DEMO_PROBE_URIS`. */
  probeURIs?: DemoProbeURIs;
  /** Lifetime of the Plex JWTs `/auth/token` issues. Default 7 days (as Plex); shorten it to see 498s. */
  jwtLifetimeSec?: number;
}

export interface DemoPlex {
  /** A fetch-style handler: give it any Request whose path is a demo route, whatever the origin. */
  handle(request: Request): Promise<Response>;
  /** This instance's data (a fresh copy per instance; pins created so far are in `data.pins`). */
  readonly data: DemoData;
  /** The clients.plex.tv side: registered device keys, nonces, signing keys (`rotateSigningKeys()`), issued JWTs. */
  readonly jwt: DemoJwtState;
}

interface RouteEntry {
  readonly method: readonly string[];
  readonly path: RegExp;
  readonly plexTv: boolean;
  readonly route: DemoRoute;
}

const ROUTES: readonly RouteEntry[] = [
  { method: ["GET"], path: /^\/api\/v2\/user$/, plexTv: true, route: userRoute },
  { method: ["POST"], path: /^\/api\/v2\/users\/signin$/, plexTv: true, route: signInRoute },
  { method: ["POST"], path: /^\/api\/v2\/pins$/, plexTv: true, route: createPinRoute },
  { method: ["GET"], path: /^\/api\/v2\/pins\/\d+$/, plexTv: true, route: getPinRoute },
  { method: ["PUT"], path: /^\/api\/v2\/pins\/link$/, plexTv: true, route: linkPinRoute },
  { method: ["GET"], path: /^\/api\/v2\/resources$/, plexTv: true, route: resourcesRoute },
  { method: ["GET"], path: /^\/api\/v2\/ping$/, plexTv: true, route: pingRoute },
  { method: ["GET"], path: /^\/api\/v2\/home\/users$/, plexTv: true, route: homeUsersRoute },
  {
    method: ["POST"],
    path: /^\/api\/v2\/home\/users\/[^/]+\/switch$/,
    plexTv: true,
    route: switchHomeUserRoute,
  },
  { method: ["GET"], path: /^\/api\/v2\/auth\/nonce$/, plexTv: true, route: nonceRoute },
  { method: ["POST"], path: /^\/api\/v2\/auth\/jwk$/, plexTv: true, route: registerJwkRoute },
  { method: ["POST"], path: /^\/api\/v2\/auth\/token$/, plexTv: true, route: exchangeJwtRoute },
  { method: ["GET"], path: /^\/api\/v2\/auth\/keys$/, plexTv: true, route: jwtKeysRoute },
  { method: ["GET", "POST"], path: /^\/security\/token$/, plexTv: false, route: securityTokenRoute },
  { method: ["GET"], path: /^\/security\/resources$/, plexTv: false, route: securityResourcesRoute },
  { method: ["GET"], path: /^\/identity$/, plexTv: false, route: identityRoute },
  { method: ["GET"], path: /^\/auth$/, plexTv: false, route: authPageRoute },
];

/** Routes on the path only, so the same handler can stand behind msw, a node server or a test's fetch. */
export function createDemoPlex(options: DemoPlexOptions = {}): DemoPlex {
  const data = createDemoData();
  if (options.probeURIs) data.probeURIs = { ...options.probeURIs };
  const now = options.now ?? (() => new Date());
  const pinClaimAfterPolls = options.pinClaimAfterPolls ?? 1;
  const { pinLifetimeSeconds, storage } = options;
  const jwt = createJwtState({ lifetimeSec: options.jwtLifetimeSec });

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
    const entry = ROUTES.find((candidate) => candidate.path.test(path));
    const context: DemoContext = { request, url, data, now, pinClaimAfterPolls, pinLifetimeSeconds, jwt };
    if (entry === undefined || !entry.method.includes(request.method.toUpperCase())) return notFound(request);
    // plex.tv checks the client identifier before anything else, token included.
    if (entry.plexTv && clientIdentifierOf(context) === null) {
      return plexError(request, ERRORS.clientIdentifierMissing);
    }
    if (storage === undefined) return entry.route(context);
    loadPins(storage, context);
    const response = await entry.route(context);
    savePins(storage, data);
    return response;
  }

  return { handle, data, jwt };
}
