import { getServerResources, getServers } from "@plex/auth";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { connectionKind, serverSummary } from "../server-summary.js";
import { renderTable } from "../table.js";

export const serversCommand: Command = {
  name: "servers",
  summary: "List the account's servers and their connections",
  usage: "plex-auth servers [--all] [--json]",
  options: {
    all: { type: "boolean", description: "list every device (players, clients), not only servers" },
  },
  maxPositionals: 0,
  examples: ["plex-auth servers", "plex-auth servers --json | jq -r '.[].name'"],
  stage: "token",
  async run(context, values) {
    const token = await context.requireToken();
    const api = await context.api(token);
    const list = values.all === true ? getServerResources : getServers;
    const { data: devices } = await list(api.client, {}, { signal: context.io.signal });
    if (context.json) {
      context.printJson(devices.map(serverSummary));
      return EXIT.ok;
    }
    if (devices.length === 0) {
      context.result(values.all === true ? "No devices on this account." : "No servers on this account.");
      return EXIT.ok;
    }
    const rows: string[][] = [];
    for (const device of devices) {
      const owner = device.owned ? "owned" : `shared${device.sourceTitle ? ` by ${device.sourceTitle}` : ""}`;
      const status = device.presence ? "online" : "offline";
      const connections = device.connections ?? [];
      if (connections.length === 0) rows.push([device.name, owner, status, "-", "-", "(no connections)"]);
      connections.forEach((connection, index) => {
        const first = index === 0;
        rows.push([
          first ? device.name : "",
          first ? owner : "",
          first ? status : "",
          connectionKind(connection),
          connection.protocol ?? "",
          connection.uri,
        ]);
      });
    }
    const { bold, dim, green } = context.colors.out;
    context.result(
      renderTable(["SERVER", "OWNER", "STATUS", "KIND", "PROTO", "URI"], rows, {
        header: dim,
        cell: (text, column) =>
          column === 0 ? bold(text) : column === 2 && text.startsWith("online") ? green(text) : text,
      }),
    );
    return EXIT.ok;
  },
};
