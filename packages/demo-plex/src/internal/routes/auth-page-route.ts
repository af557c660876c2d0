import { renderDemoAuthPage } from "../../auth-page.js";
import type { DemoRoute } from "../context.js";

/** `GET /auth` on the demo origin: the app.plex.tv stand-in (reach it through `buildAuthAppURL`'s `authAppURL`). */
export const authPageRoute: DemoRoute = () =>
  new Response(renderDemoAuthPage(), {
    status: 200,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-cache",
      // The page needs its own inline script and nothing else.
      "content-security-policy":
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
    },
  });
