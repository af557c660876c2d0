export { DEMO_APPROVALS_KEY, type DemoAuthPageOptions, renderDemoAuthPage } from "./auth-page.js";
export {
  DEMO_ACCOUNTS,
  DEMO_CLIENT_IDENTIFIER,
  DEMO_CLIENTS_URL,
  DEMO_ERROR_CODES,
  DEMO_HOME,
  DEMO_JWT,
  DEMO_PLEX_TV_URL,
  DEMO_PROBE_URIS,
  DEMO_SERVER,
  DEMO_SERVER_URL,
  DEMO_SLOW_PROBE_MS,
  DEMO_TOKENS,
  DEMO_TRANSIENT_TOKEN,
  type DemoConnection,
  type DemoCredentials,
  type DemoProbeURIs,
  type DemoServer,
} from "./constants.js";
export { createDemoPlex, type DemoPlex, type DemoPlexOptions } from "./create-demo-plex.js";
export { createDemoData, type DemoData, type DemoPin, type DemoUser } from "./demo-data.js";
export type { DemoStorage } from "./internal/pin-storage.js";
