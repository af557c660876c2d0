import type { PlexAPI, PlexDevice } from "@plex/auth";
import { describeError } from "../describe-error.js";
import { devicesSummary } from "../result-summary.js";
import { isServerDevice, type ServerSession } from "../servers/server-session.js";
import { connectionBadges } from "./connection-badges.js";
import { h, uniqueId } from "./dom.js";

export interface ServersPanelContext {
  /** A fresh client with the current settings (demo or live). */
  api: () => PlexAPI;
  session: ServerSession;
  /** Takes the user to the Best connection panel for this server. */
  onProbe: (device: PlexDevice) => void;
}

function deviceView(device: PlexDevice, context: ServersPanelContext): HTMLElement {
  const server = isServerDevice(device);
  const ownership = device.owned ? "owned" : "shared";
  const presence = device.presence ? "online" : "offline";
  return h(
    "li",
    { class: "device", "data-device": device.clientIdentifier },
    h(
      "p",
      { class: "device-title" },
      h("strong", {}, device.name),
      " ",
      h("span", { class: `badge ${ownership}`, "data-badge": ownership }, ownership),
      " ",
      h("span", { class: `badge ${presence}`, "data-badge": presence }, presence),
      " ",
      h("span", { class: "muted small" }, device.provides ?? ""),
      device.owned
        ? null
        : h("span", { class: "muted small" }, ` · from ${device.sourceTitle ?? "another account"}`),
    ),
    device.connections.length === 0
      ? h("p", { class: "muted small" }, "No connections listed (not a server).")
      : h(
          "ul",
          { class: "connections" },
          ...device.connections.map((connection) =>
            h("li", {}, connectionBadges(connection), " ", h("code", {}, connection.uri)),
          ),
        ),
    server
      ? h(
          "button",
          { type: "button", class: "chip", onclick: () => context.onProbe(device) },
          `Find the best connection to ${device.name}`,
        )
      : null,
  );
}

/** Servers: the account's devices from getServerResources, owned or shared, online or not, with every connection. */
export function serversPanel(context: ServersPanelContext): HTMLElement {
  const headingId = uniqueId("servers-title");
  const relayId = uniqueId("include-relay");
  const ipv6Id = uniqueId("include-ipv6");
  const relay = h("input", { id: relayId, type: "checkbox", checked: true });
  const ipv6 = h("input", { id: ipv6Id, type: "checkbox", checked: true });
  const output = h("div", { class: "output", "aria-live": "polite" });
  const button = h("button", { type: "submit", class: "primary" }, "List servers");

  const show = (devices: readonly PlexDevice[]) =>
    output.replaceChildren(
      h(
        "p",
        { class: "status-line" },
        h("strong", {}, devicesSummary(devices)),
        ` (of ${devices.length} devices)`,
      ),
      h("ul", { class: "devices" }, ...devices.map((device) => deviceView(device, context))),
    );
  if (context.session.devices) show(context.session.devices);

  const form = h(
    "form",
    {
      onsubmit: async (event: Event) => {
        event.preventDefault();
        button.disabled = true;
        output.replaceChildren(h("p", { class: "muted" }, "Asking plex.tv…"));
        try {
          const { data } = await context.api().authentication.getServerResources({
            includeRelay: relay.checked,
            includeIPv6: ipv6.checked,
          });
          context.session.setDevices(data);
          show(data);
        } catch (error) {
          const described = describeError(error);
          output.replaceChildren(
            h(
              "div",
              { class: "result error", "data-outcome": "error" },
              h("p", { class: "status-line" }, h("span", { class: "badge error" }, described.className)),
              h("p", { class: "error-message" }, described.message),
              h("p", { class: "advice" }, h("strong", {}, "What to do: "), described.advice),
            ),
          );
        } finally {
          button.disabled = false;
        }
      },
    },
    h("div", { class: "field check" }, relay, h("label", { for: relayId }, "Include relay connections")),
    h("div", { class: "field check" }, ipv6, h("label", { for: ipv6Id }, "Include IPv6 connections")),
    h("div", { class: "actions" }, button),
  );

  return h(
    "section",
    { class: "panel", "aria-labelledby": headingId, "data-operation": "servers" },
    h("h2", { id: headingId }, "Servers"),
    h(
      "p",
      { class: "muted" },
      "The servers, players and clients this account can use, with every way to reach them.",
    ),
    h("code", { class: "call" }, "plex.authentication.getServerResources({ includeRelay, includeIPv6 })"),
    form,
    output,
  );
}
