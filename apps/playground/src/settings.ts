import {
  DEMO_CLIENT_IDENTIFIER,
  DEMO_PLEX_TV_URL,
  DEMO_SERVER,
  DEMO_SERVER_URL,
  DEMO_TOKENS,
} from "@plex/demo-plex";
import type { ConnectedServer } from "./servers/server-session.js";
import type { TokenStore } from "./token-store.js";

export type Mode = "demo" | "live";

export const LIVE_PLEX_TV_URL = "https://plex.tv/api/v2";
const SERVER_URL_KEY = "plex-playground.serverURL";

/** What each panel runs with. Everything the user can change lives here, and only here. */
export interface Settings {
  mode: Mode;
  clientIdentifier: string;
  /** Live mode's media server, e.g. http://192.168.1.10:32400 (kept in localStorage: it is not a secret). */
  liveServerURL: string;
  /** Demo mode's token, picked from the demo scenarios. */
  demoToken: string;
  readonly liveToken: TokenStore;
  /** Set by "use this server" (Best connection): media server panels send there, with that server's token. */
  connectedServer?: ConnectedServer | undefined;
}

export const DEMO_TOKEN_CHOICES = [
  { label: "Demo account token", value: DEMO_TOKENS.account },
  { label: "Signed-in token (demo@example.com)", value: DEMO_TOKENS.signedIn },
  { label: "Signed-in token (2fa@example.com)", value: DEMO_TOKENS.signedInTwoFactor },
  { label: "Revoked token (422)", value: DEMO_TOKENS.revoked },
  { label: "No token", value: "" },
] as const;

export function createSettings(clientIdentifier: string, local: Storage, liveToken: TokenStore): Settings {
  return {
    mode: "demo",
    clientIdentifier,
    liveServerURL: local.getItem(SERVER_URL_KEY) ?? "",
    demoToken: DEMO_TOKENS.account,
    liveToken,
  };
}

export function saveLiveServerURL(local: Storage, url: string): void {
  local.setItem(SERVER_URL_KEY, url);
}

/** The connection each mode resolves to. */
export interface Target {
  plexTvURL: string;
  serverURL: string | undefined;
  token: string | undefined;
  clientIdentifier: string;
  defaultSource: string;
  /** The connected server's own token, for media server operations (plex.tv ones keep `token`). */
  serverToken?: string | undefined;
}

export function targetOf(settings: Settings): Target {
  const connected = settings.connectedServer;
  const base = targetOfMode(settings);
  if (connected === undefined) return base;
  return {
    ...base,
    serverURL: connected.uri,
    serverToken: connected.accessToken,
    defaultSource: `server://${connected.clientIdentifier}`,
  };
}

function targetOfMode(settings: Settings): Target {
  if (settings.mode === "demo") {
    return {
      plexTvURL: DEMO_PLEX_TV_URL,
      serverURL: DEMO_SERVER_URL,
      token: settings.demoToken === "" ? undefined : settings.demoToken,
      clientIdentifier: settings.clientIdentifier,
      defaultSource: `server://${DEMO_SERVER.clientIdentifier}`,
    };
  }
  return {
    plexTvURL: LIVE_PLEX_TV_URL,
    serverURL: settings.liveServerURL.trim() === "" ? undefined : settings.liveServerURL.trim(),
    token: settings.liveToken.get(),
    clientIdentifier: settings.clientIdentifier,
    defaultSource: "",
  };
}

/** Shown in the settings so it is clear the demo ignores the identifier's value but still needs one. */
export const DEMO_IDENTIFIER_NOTE = `Any identifier works in demo mode (the tests use "${DEMO_CLIENT_IDENTIFIER}").`;
