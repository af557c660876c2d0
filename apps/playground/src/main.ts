import "./styles.css";
import { loadClientIdentifier, resetClientIdentifier } from "./client-identifier.js";
import { HOME_OPERATIONS } from "./home-operations.js";
import { OPERATIONS, type OperationSpec } from "./operations.js";
import { h } from "./render/dom.js";
import { jwtPanelView } from "./render/jwt-panel.js";
import { panelView } from "./render/panel.js";
import { refreshTokenState, settingsView } from "./render/settings-view.js";
import { resumeSignInWithPlex, signInWithPlexPanel } from "./render/sign-in-with-plex-panel.js";
import { type RunResult, runOperation } from "./run-operation.js";
import { serverPanels } from "./servers/server-panels.js";
import { createServerSession } from "./servers/server-session.js";
import { createSettings, saveLiveServerURL, targetOf } from "./settings.js";
import { createTokenStore } from "./token-store.js";

const settings = createSettings(
  loadClientIdentifier(localStorage),
  localStorage,
  createTokenStore(sessionStorage),
);

const status = h("p", { class: "status", role: "status" }, "Starting the demo Plex…");
const settingsSlot = h("div");
const panels = h("div", { class: "panels" });
let demoReady = false;
/** Set when the demo worker could not start: what the status line says in demo mode then. */
let demoFailure: string | undefined;
const serverSession = createServerSession();
let disposeServerPanels = (): void => {};

/** A successful sign-in hands its token to the other panels, as an app would. */
function onResult(operation: OperationSpec, result: RunResult): void {
  if (operation.id !== "sign-in" || !result.ok) return;
  const token = (result.response.data as { authToken?: unknown }).authToken;
  if (typeof token !== "string") return;
  // The token of the account that signed in (the demo gives each account its own), so Token details agrees.
  if (settings.mode === "demo") settings.demoToken = token;
  else settings.liveToken.set(token, settings.liveToken.remembered);
  refreshTokenState(settingsSlot, settings);
}

/** Sign in with Plex hands its token to Settings, and from there to every other panel. */
function onPlexToken(token: string): void {
  if (settings.mode === "demo") settings.demoToken = token;
  else settings.liveToken.set(token, settings.liveToken.remembered);
  render();
}

/** The status line follows the mode: the demo worker's state, or where live requests go. */
function showStatus(): void {
  if (settings.mode === "live") {
    status.textContent =
      "Live mode: requests go to plex.tv and your server through this playground's local proxy (the demo is off).";
    status.dataset.ready = "live";
    return;
  }
  status.textContent =
    demoFailure ??
    (demoReady
      ? "Demo Plex ready: requests to plex.tv and the demo server are answered in this browser."
      : "Starting the demo Plex…");
  status.dataset.ready = demoFailure !== undefined ? "false" : String(demoReady);
}

function render(): void {
  showStatus();
  settingsSlot.replaceChildren(
    settingsView(settings, {
      onModeChange(mode) {
        settings.mode = mode;
        settings.connectedServer = undefined;
        serverSession.clear();
        render();
      },
      onNewIdentifier() {
        settings.clientIdentifier = resetClientIdentifier(localStorage);
        return settings.clientIdentifier;
      },
      onLiveServerURL(url) {
        settings.liveServerURL = url;
        saveLiveServerURL(localStorage, url);
      },
    }),
  );
  const context = {
    mode: settings.mode,
    target: () => targetOf(settings),
    run: (operation: OperationSpec, values: Record<string, string | boolean>) =>
      runOperation(operation, values, settings.mode, targetOf(settings)),
    onResult,
  };
  disposeServerPanels();
  const servers = serverPanels({ settings, session: serverSession, onConnectedChange: render });
  disposeServerPanels = servers.dispose;
  // A guided order: get a token first, then everything the token can do.
  const signIn = OPERATIONS.filter((operation) => operation.id === "sign-in");
  const rest = OPERATIONS.filter((operation) => operation.id !== "sign-in");
  panels.replaceChildren(
    h(
      "h2",
      { class: "section-title", id: "start-here" },
      h("span", { class: "step" }, "1"),
      " Start here: sign in",
    ),
    signInWithPlexPanel({ mode: settings.mode, target: () => targetOf(settings), onToken: onPlexToken }),
    ...signIn.map((operation) => panelView(operation, context)),
    h(
      "h2",
      { class: "section-title", id: "with-the-token" },
      h("span", { class: "step" }, "2"),
      " Then: what the token can do",
    ),
    ...rest.map((operation) => panelView(operation, context)),
    ...servers.elements,
    ...HOME_OPERATIONS.map((operation) => panelView(operation, context)),
    jwtPanelView(context),
  );
  // Demo requests only make sense once the service worker answers them.
  const blocked = settings.mode === "demo" && !demoReady;
  for (const button of panels.querySelectorAll<HTMLButtonElement>("button.primary"))
    button.disabled = blocked;
  document.body.dataset.mode = settings.mode;
}

const app = document.querySelector<HTMLElement>("#app");
if (app !== null) {
  app.replaceChildren(
    h(
      "header",
      { class: "top" },
      h("h1", {}, "Plex auth SDK playground"),
      h(
        "p",
        { class: "muted" },
        "Run each operation of ",
        h("code", {}, "@plex/auth"),
        " and see the request as sent, the typed data, or the typed error.",
      ),
      status,
    ),
    settingsSlot,
    panels,
  );
  render();
  // Loaded on demand: msw is most of the page's weight and live mode never needs it.
  import("./demo-worker.js")
    .then(({ startDemoWorker }) => startDemoWorker())
    .then(() => {
      demoReady = true;
      render();
      // Back from the demo auth page after a redirect (popup blocked): finish that sign-in.
      void resumeSignInWithPlex(
        "demo",
        () => targetOf({ ...settings, mode: "demo" }),
        onPlexToken,
        (message) => {
          status.textContent = message;
        },
      );
    })
    .catch((error: unknown) => {
      demoFailure = `The demo Plex could not start (${error instanceof Error ? error.message : String(error)}). Live mode still works.`;
      showStatus();
    });
}
