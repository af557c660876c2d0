import { createDemoPlex } from "@plex/demo-plex";
import { demoHandlers } from "@plex/demo-plex/msw";
import { setupWorker } from "msw/browser";

/**
 * Demo mode: the msw service worker answers plex.tv and the demo media server in the browser, from the same
 * handlers the packages' tests use. Anything else (the page itself, the live proxy) passes through untouched.
 * Sign in with Plex: see server/demo-auth-page.ts.
 */
export async function startDemoWorker(): Promise<void> {
  // Pins live in localStorage and wait for Allow: the demo auth page (a popup, or this tab after a redirect)
  // approves through it, as app.plex.tv does through plex.tv.
  const demo = createDemoPlex({ storage: localStorage, pinClaimAfterPolls: Number.POSITIVE_INFINITY });
  const worker = setupWorker(...demoHandlers({ demo }));
  await worker.start({
    serviceWorker: { url: "/mockServiceWorker.js" },
    onUnhandledRequest: "bypass",
    quiet: true,
  });
}
