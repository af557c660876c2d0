import type { BestConnection, ConnectionProbe, PlexAPI, PlexDevice } from "@plex/auth";
import { describeError } from "../describe-error.js";
import { type ConnectedServer, isServerDevice, type ServerSession } from "../servers/server-session.js";
import { connectionBadges } from "./connection-badges.js";
import { h, uniqueId } from "./dom.js";

export interface BestConnectionPanelContext {
  api: () => PlexAPI;
  session: ServerSession;
  /** "Use this server": the other panels then send to this URI with this server's token. */
  onUse: (server: ConnectedServer) => void;
  /** Registers clean-up for when the page re-renders the panels (settings changed). */
  onDispose: (dispose: () => void) => void;
}

function resultCell(probe: ConnectionProbe | undefined, winner: boolean): HTMLElement {
  if (probe === undefined) return h("span", { class: "muted", "data-result": "probing" }, "probing…");
  if (probe.outcome === "ok") {
    return h(
      "span",
      { "data-result": "ok" },
      `${probe.latencyMs} ms`,
      winner ? h("strong", { class: "badge ok winner", "data-badge": "best" }, "★ best") : null,
    );
  }
  if (probe.outcome === "cancelled") {
    return h(
      "span",
      { class: "muted", "data-result": "cancelled" },
      "not needed: a preferred connection won",
    );
  }
  return h(
    "span",
    { "data-result": probe.reason },
    h("strong", {}, probe.reason),
    " ",
    h("span", { class: "muted small" }, probe.message),
  );
}

/** The probe table: one row per connection, filled in as each probe finishes. */
function probeTable(device: PlexDevice) {
  const cells = new Map<string, HTMLTableCellElement>();
  const rows = new Map<string, HTMLTableRowElement>();
  const body = h("tbody");
  for (const connection of device.connections) {
    const cell = h("td", {}, resultCell(undefined, false));
    const row = h(
      "tr",
      { "data-uri": connection.uri },
      h("td", {}, connectionBadges(connection)),
      h("td", {}, h("code", {}, connection.uri)),
      cell,
    );
    cells.set(connection.uri, cell);
    rows.set(connection.uri, row);
    body.append(row);
  }
  const table = h(
    "table",
    { class: "probe-table" },
    h("thead", {}, h("tr", {}, h("th", {}, "connection"), h("th", {}, "URI"), h("th", {}, "result"))),
    body,
  );
  return {
    table,
    update(probe: ConnectionProbe) {
      cells.get(probe.uri)?.replaceChildren(resultCell(probe, false));
    },
    /** Final order is the order of preference; the winner is marked. */
    finish(tried: readonly ConnectionProbe[], winnerUri: string | undefined) {
      for (const probe of tried) {
        const row = rows.get(probe.uri);
        if (row === undefined) continue;
        row.dataset.winner = String(probe.uri === winnerUri);
        cells.get(probe.uri)?.replaceChildren(resultCell(probe, probe.uri === winnerUri));
        body.append(row);
      }
    },
  };
}

/** Best connection: probe every connection of one server at once, live, and pick the one to use. */
export function bestConnectionPanel(context: BestConnectionPanelContext): HTMLElement {
  const headingId = uniqueId("best-title");
  const selectId = uniqueId("best-server");
  const timeoutId = uniqueId("best-timeout");
  const httpsId = uniqueId("best-https");
  const select = h("select", { id: selectId, name: "server" });
  const timeout = h("input", { id: timeoutId, name: "timeoutMs", type: "text", inputmode: "numeric" });
  timeout.value = "5000";
  const preferHttps = h("input", { id: httpsId, type: "checkbox", checked: true });
  const output = h("div", { class: "output", "aria-live": "polite" });
  const button = h("button", { type: "submit", class: "primary" }, "Find best connection");
  const stop = h("button", { type: "button", class: "chip", disabled: true }, "Stop");
  const loadButton = h("button", { type: "button", class: "chip" }, "Load servers");
  let controller: AbortController | undefined;

  const servers = () => (context.session.devices ?? []).filter(isServerDevice);
  const fillSelect = () => {
    const list = servers();
    select.replaceChildren(
      ...list.map((device) =>
        h("option", { value: device.clientIdentifier }, `${device.name}${device.owned ? "" : " (shared)"}`),
      ),
    );
    if (context.session.selected !== undefined) select.value = context.session.selected;
    loadButton.hidden = list.length > 0;
  };
  fillSelect();
  context.onDispose(context.session.subscribe(fillSelect));
  select.addEventListener("change", () => context.session.select(select.value));
  loadButton.addEventListener("click", async () => {
    loadButton.disabled = true;
    try {
      context.session.setDevices((await context.api().authentication.getServerResources()).data);
    } catch (error) {
      output.replaceChildren(h("p", { class: "error-message" }, describeError(error).message));
    } finally {
      loadButton.disabled = false;
    }
  });
  stop.addEventListener("click", () => controller?.abort());
  context.onDispose(() => controller?.abort());

  const form = h(
    "form",
    {
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const device = servers().find((candidate) => candidate.clientIdentifier === select.value);
        if (device === undefined) {
          output.replaceChildren(h("p", { class: "muted" }, "List the servers first."));
          return;
        }
        const table = probeTable(device);
        const summary = h(
          "p",
          { class: "status-line" },
          `Probing ${device.connections.length} connections at once…`,
        );
        output.replaceChildren(summary, table.table);
        controller = new AbortController();
        button.disabled = true;
        stop.disabled = false;
        const started = performance.now();
        try {
          const best: BestConnection = await context.api().authentication.findBestConnection(device, {
            timeoutMs: Number(timeout.value) || 5000,
            preferHttps: preferHttps.checked,
            signal: controller.signal,
            onProbe: (probe) => table.update(probe),
          });
          table.finish(best.tried, best.uri);
          const use = h("button", { type: "button", class: "primary" }, "Use this server");
          use.addEventListener("click", () => {
            if (typeof device.accessToken !== "string") return;
            context.onUse({
              name: device.name,
              clientIdentifier: device.clientIdentifier,
              uri: best.uri,
              accessToken: device.accessToken,
            });
            use.textContent = "In use by the other panels";
            use.disabled = true;
          });
          summary.replaceChildren(
            h("span", { class: "badge ok" }, "connected"),
            ` ${best.uri} in ${best.latencyMs} ms (answer after ${Math.round(performance.now() - started)} ms) `,
          );
          if (typeof device.accessToken === "string") summary.append(use);
          summary.dataset.outcome = "ok";
        } catch (error) {
          const tried = (error as { tried?: readonly ConnectionProbe[] }).tried;
          if (tried) table.finish(tried, undefined);
          const described = describeError(error);
          summary.replaceChildren(
            h("span", { class: "badge error" }, described.className),
            ` after ${Math.round(performance.now() - started)} ms: ${tried ? "no connection works from here" : described.message}`,
          );
          summary.dataset.outcome = "error";
        } finally {
          button.disabled = false;
          stop.disabled = true;
          controller = undefined;
        }
      },
    },
    h("div", { class: "field" }, h("label", { for: selectId }, "Server"), select),
    h("div", { class: "presets" }, loadButton),
    h("div", { class: "field" }, h("label", { for: timeoutId }, "Timeout per probe (ms)"), timeout),
    h("div", { class: "field check" }, preferHttps, h("label", { for: httpsId }, "Prefer https")),
    h("div", { class: "actions" }, button, stop),
  );

  return h(
    "section",
    { class: "panel", "aria-labelledby": headingId, "data-operation": "best-connection" },
    h("h2", { id: headingId }, "Best connection"),
    h(
      "p",
      { class: "muted" },
      "Probes every connection's /identity in parallel: local before remote before relay, https first; the answer comes as soon as the preferred ones have failed.",
    ),
    h("code", { class: "call" }, "plex.authentication.findBestConnection(device, { timeoutMs, onProbe })"),
    form,
    output,
  );
}
