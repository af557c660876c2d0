import { demoHandlers } from "@plex/demo-plex/msw";
import { setupWorker } from "msw/browser";

/**
 * Demo mode: the msw service worker answers plex.tv and the demo media server in the browser, from the same
 * handlers the packages' tests use. Anything else (the page itself, the live proxy) passes through untouched.
 */
export async function startDemoWorker(): Promise<void> {
  const worker = setupWorker(...demoHandlers());
  await worker.start({
    serviceWorker: { url: "/mockServiceWorker.js" },
    onUnhandledRequest: "bypass",
    quiet: true,
  });
}
