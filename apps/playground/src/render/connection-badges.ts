import type { PlexDeviceConnection } from "@plex/auth";
import { h } from "./dom.js";

export type ConnectionKindLabel = "local" | "remote" | "relay";

export function kindOfConnection(connection: PlexDeviceConnection): ConnectionKindLabel {
  if (connection.relay === true) return "relay";
  return connection.local ? "local" : "remote";
}

/** local/remote/relay, http/https and IPv6 as small badges, each with its own class for styling and tests. */
export function connectionBadges(connection: PlexDeviceConnection): HTMLElement {
  const kind = kindOfConnection(connection);
  const protocol = connection.protocol === "https" ? "https" : "http";
  return h(
    "span",
    { class: "conn-badges" },
    h("span", { class: `badge kind-${kind}`, "data-badge": kind }, kind),
    h("span", { class: `badge proto-${protocol}`, "data-badge": protocol }, protocol),
    connection.IPv6 === true ? h("span", { class: "badge", "data-badge": "ipv6" }, "IPv6") : null,
  );
}
