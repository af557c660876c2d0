import { delay, type HttpHandler, HttpResponse, http } from "msw";
import {
  DEMO_CLIENTS_URL,
  DEMO_PLEX_TV_URL,
  DEMO_PROBE_URIS,
  DEMO_SERVER_URL,
  DEMO_SLOW_PROBE_MS,
} from "./constants.js";
import { createDemoPlex, type DemoPlex } from "./create-demo-plex.js";
import { rebaseRequest } from "./internal/rebase-request.js";

// Re-exported here too, so msw users find the defaults beside the handlers; they live in constants.ts so that
// browser code can read them without pulling msw into its bundle.
export { DEMO_PLEX_TV_URL, DEMO_SERVER_URL };

export interface DemoHandlersOptions {
  /** plex.tv base, up to and including `/api/v2`. Default {@link DEMO_PLEX_TV_URL}. */
  plexTvURL?: string;
  /**
   * clients.plex.tv base (the JWT flow), answered by the same demo. Default {@link DEMO_CLIENTS_URL}, only when
   * `plexTvURL` is the default: a client on a custom plex.tv URL sends its JWT calls there too.
   */
  clientsURL?: string;
  /** Media server base. Default {@link DEMO_SERVER_URL}. */
  serverURL?: string;
  /** The demo to answer from; pass your own to inspect `demo.data` (pins) in a test. Default: a new one. */
  demo?: DemoPlex;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/**
 * msw handlers that answer for the demo plex.tv and the demo media server at the given bases, and for the other
 * connections `/api/v2/resources` lists: the slow remote (after {@link DEMO_SLOW_PROBE_MS}), the relay, and the
 * addresses where nothing answers (a network error, as a dead address gives a browser).
 * A demo created here lists `serverURL` as its reachable local connection.
 */
export function demoHandlers(options: DemoHandlersOptions = {}): HttpHandler[] {
  const plexTvURL = trimSlash(options.plexTvURL ?? DEMO_PLEX_TV_URL);
  const serverURL = trimSlash(options.serverURL ?? DEMO_SERVER_URL);
  const demo = options.demo ?? createDemoPlex({ probeURIs: { ...DEMO_PROBE_URIS, reachable: serverURL } });
  const uris = demo.data.probeURIs;
  const asDemo = (base: string, wait = 0) =>
    http.all(`${trimSlash(base)}/*`, async ({ request }) => {
      if (wait > 0) await delay(wait);
      return demo.handle(await rebaseRequest(request, trimSlash(base), ""));
    });
  const dead = (base: string) => http.all(`${trimSlash(base)}/*`, () => HttpResponse.error());
  const probes = [
    asDemo(uris.slow, DEMO_SLOW_PROBE_MS),
    asDemo(uris.relay),
    dead(uris.unreachable),
    dead(uris.unreachableIPv6),
    dead(uris.sharedOffline),
  ];
  if (trimSlash(uris.reachable) !== serverURL) probes.push(asDemo(uris.reachable));
  const clientsURL =
    options.clientsURL ?? (plexTvURL === trimSlash(DEMO_PLEX_TV_URL) ? DEMO_CLIENTS_URL : undefined);
  const plexTvBases = clientsURL === undefined ? [plexTvURL] : [plexTvURL, trimSlash(clientsURL)];
  return [
    ...plexTvBases.map((base) =>
      http.all(`${base}/*`, async ({ request }) =>
        demo.handle(await rebaseRequest(request, base, "/api/v2")),
      ),
    ),
    http.all(`${serverURL}/*`, async ({ request }) =>
      demo.handle(await rebaseRequest(request, serverURL, "")),
    ),
    ...probes,
  ];
}
