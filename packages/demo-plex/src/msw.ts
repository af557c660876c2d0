import { type HttpHandler, http } from "msw";
import { DEMO_PLEX_TV_URL, DEMO_SERVER_URL } from "./constants.js";
import { createDemoPlex, type DemoPlex } from "./create-demo-plex.js";
import { rebaseRequest } from "./internal/rebase-request.js";

// Re-exported here too, so msw users find the defaults beside the handlers; they live in constants.ts so that
// browser code can read them without pulling msw into its bundle.
export { DEMO_PLEX_TV_URL, DEMO_SERVER_URL };

export interface DemoHandlersOptions {
  /** plex.tv base, up to and including `/api/v2`. Default {@link DEMO_PLEX_TV_URL}. */
  plexTvURL?: string;
  /** Media server base. Default {@link DEMO_SERVER_URL}. */
  serverURL?: string;
  /** The demo to answer from; pass your own to inspect `demo.data` (pins) in a test. Default: a new one. */
  demo?: DemoPlex;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/** msw handlers that answer for the demo plex.tv and the demo media server at the given bases. */
export function demoHandlers(options: DemoHandlersOptions = {}): HttpHandler[] {
  const demo = options.demo ?? createDemoPlex();
  const plexTvURL = trimSlash(options.plexTvURL ?? DEMO_PLEX_TV_URL);
  const serverURL = trimSlash(options.serverURL ?? DEMO_SERVER_URL);
  return [
    http.all(`${plexTvURL}/*`, async ({ request }) =>
      demo.handle(await rebaseRequest(request, plexTvURL, "/api/v2")),
    ),
    http.all(`${serverURL}/*`, async ({ request }) =>
      demo.handle(await rebaseRequest(request, serverURL, "")),
    ),
  ];
}
