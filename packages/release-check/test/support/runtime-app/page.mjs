// Entry for Chromium: Vite bundles this page from the npm-installed tarballs; it runs the flow with the input from the
// URL fragment and leaves the result (or the error) where the test reads it.
import { runFlow } from "./flow.mjs";

globalThis.flowResult = runFlow(JSON.parse(decodeURIComponent(location.hash.slice(1)))).then(
  (result) => ({ result }),
  (error) => ({ error: String(error?.stack ?? error) }),
);
