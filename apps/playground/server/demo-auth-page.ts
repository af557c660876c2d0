import type { IncomingMessage, ServerResponse } from "node:http";
import { renderDemoAuthPage } from "@plex/demo-plex";
import type { Plugin } from "vite";

/**
 * Demo mode's app.plex.tv: `/auth` on the playground's own origin, in the dev server and in `vite preview`. The
 * demo Plex lives in the msw service worker, which does not answer navigations nor a popup's requests, so the
 * page (from @plex/demo-plex) approves through localStorage, where the demo keeps its pins.
 */
export function demoAuthPagePlugin(): Plugin {
  const html = renderDemoAuthPage({ approveVia: "storage" });
  const serve = (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const path = (request.url ?? "").split(/[?#]/)[0];
    if (request.method !== "GET" || path !== "/auth") return next();
    response.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-cache",
      "content-security-policy": "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
    });
    response.end(html);
  };
  return {
    name: "plex-demo-auth-page",
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}
