import type { PlexAPI } from "@plex/auth";
import { bestConnectionPanel } from "../render/best-connection-panel.js";
import { h } from "../render/dom.js";
import { serversPanel } from "../render/servers-panel.js";
import { tokenCheckPanel } from "../render/token-check-panel.js";
import { createApi } from "../run-operation.js";
import { type Settings, targetOf } from "../settings.js";
import type { ConnectedServer, ServerSession } from "./server-session.js";

export interface ServerPanelsContext {
  settings: Settings;
  session: ServerSession;
  /** The connected server changed: the page re-renders so every panel uses it. */
  onConnectedChange: () => void;
}

/** Says which server the other panels use after "use this server", with a way back. */
function connectedServerView(server: ConnectedServer, onForget: () => void): HTMLElement {
  return h(
    "p",
    { class: "status connected-server", role: "status", "data-connected": server.uri },
    "Server panels use ",
    h("strong", {}, server.name),
    " at ",
    h("code", {}, server.uri),
    " with its own token (from /api/v2/resources). ",
    h("button", { type: "button", class: "link", onclick: onForget }, "Forget this server"),
  );
}

/** The Servers, Best connection and Check token panels, and the banner of the server in use. */
export function serverPanels(context: ServerPanelsContext): { elements: HTMLElement[]; dispose: () => void } {
  const { settings, session } = context;
  const disposers: (() => void)[] = [];
  const api = (): PlexAPI => createApi(settings.mode, targetOf(settings), () => {});
  const elements: HTMLElement[] = [];
  if (settings.connectedServer !== undefined) {
    elements.push(
      connectedServerView(settings.connectedServer, () => {
        settings.connectedServer = undefined;
        context.onConnectedChange();
      }),
    );
  }
  elements.push(
    serversPanel({
      api,
      session,
      onProbe(device) {
        session.select(device.clientIdentifier);
        document
          .querySelector<HTMLElement>('section[data-operation="best-connection"] button.primary')
          ?.focus();
      },
    }),
    bestConnectionPanel({
      api,
      session,
      onUse(server) {
        settings.connectedServer = server;
        context.onConnectedChange();
      },
      onDispose: (dispose) => disposers.push(dispose),
    }),
    tokenCheckPanel(api),
  );
  return {
    elements,
    dispose: () => {
      for (const dispose of disposers.splice(0)) dispose();
    },
  };
}
