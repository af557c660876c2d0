import { type ConnectionProbe, findBestConnection, PlexConnectionError } from "@plex/auth";
import { CliError, UsageError } from "../cli-error.js";
import type { Command } from "../command.js";
import type { CommandContext } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { pickServer } from "../pick-server.js";
import { renderTable } from "../table.js";

function parseTimeout(value: string | undefined): number {
  if (value === undefined) return 5000;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms <= 0)
    throw new UsageError(`--timeout must be a number of milliseconds > 0 (got "${value}").`);
  return ms;
}

const REASONS: Record<string, string> = {
  timeout: "timeout (no answer in time)",
  refused: "refused (nothing listening)",
  dns: "dns (name did not resolve: DNS rebinding protection?)",
  tls: "tls (handshake or certificate failed)",
  "wrong-server": "wrong server (another Plex server answered)",
  "invalid-answer": "not a Plex server",
  "https-required": "skipped (the server requires https)",
  unreachable: "unreachable",
};

/** Short, for the table; the full message is in --json. */
function outcomeText(probe: ConnectionProbe): string {
  if (probe.outcome === "ok") return `ok, ${probe.latencyMs} ms`;
  if (probe.outcome === "cancelled") return "not needed (a better one answered)";
  if (probe.reason === "http-status") return `HTTP ${probe.statusCode ?? "error"}`;
  return REASONS[probe.reason] ?? probe.reason;
}

function probeJson(probe: ConnectionProbe) {
  return {
    uri: probe.uri,
    kind: probe.kind,
    outcome: probe.outcome,
    ...(probe.outcome === "cancelled" ? {} : { latencyMs: probe.latencyMs }),
    ...(probe.outcome === "failed" ? { reason: probe.reason, message: probe.message } : {}),
  };
}

function printProbes(
  context: CommandContext,
  tried: readonly ConnectionProbe[],
  winner: string | undefined,
): void {
  const { green, red, dim } = context.colors.out;
  const rows = tried.map((probe) => [
    probe.uri === winner ? "*" : "",
    probe.kind,
    probe.uri,
    outcomeText(probe),
  ]);
  context.result(
    renderTable(["", "KIND", "URI", "RESULT"], rows, {
      header: dim,
      cell: (text, column, row) => {
        if (column !== 3) return text;
        const outcome = tried[row]?.outcome;
        return outcome === "ok" ? green(text) : outcome === "failed" ? red(text) : dim(text);
      },
    }),
  );
}

export const connectCommand: Command = {
  name: "connect",
  summary: "Probe a server's connections in parallel and show the best one with the probe table",
  usage: "plex-auth connect [name] [--timeout <ms>] [--json]",
  options: {
    timeout: {
      type: "string",
      value: "ms",
      description: "how long each probe may take (default 5000; all run at once)",
    },
  },
  maxPositionals: 1,
  examples: ["plex-auth connect", "plex-auth connect 'Living Room' --json | jq -r .uri"],
  stage: "token",
  async run(context, values, positionals) {
    const timeoutMs = parseTimeout(values.timeout as string | undefined);
    const token = await context.requireToken();
    const device = await pickServer(context, token, positionals[0]);
    const api = await context.api(token);
    const count = device.connections?.length ?? 0;
    context.progress(`Probing ${count} connection${count === 1 ? "" : "s"} of ${device.name}…`);
    try {
      const best = await findBestConnection(api.client, device, { timeoutMs, signal: context.io.signal });
      if (context.json) {
        context.printJson({
          server: device.name,
          uri: best.uri,
          latencyMs: best.latencyMs,
          kind: best.tried.find((probe) => probe.uri === best.uri)?.kind ?? null,
          tried: best.tried.map(probeJson),
        });
        return EXIT.ok;
      }
      printProbes(context, best.tried, best.uri);
      context.result(`Best: ${best.uri} (${best.latencyMs} ms)`);
      return EXIT.ok;
    } catch (error) {
      const tried = (error as { tried?: readonly ConnectionProbe[] }).tried;
      if (!(error instanceof PlexConnectionError) || !Array.isArray(tried)) throw error;
      const message = `None of the connections of ${device.name} worked (why is in the table): check that the server is on and reachable from this machine.`;
      // One JSON document on stdout: the probes and the error together.
      if (context.json) {
        context.printJson({
          server: device.name,
          uri: null,
          tried: tried.map(probeJson),
          error: { kind: "PlexConnectionError", message },
        });
        context.progress(`${context.colors.err.red("error:")} ${message}`);
        return EXIT.failure;
      }
      printProbes(context, tried, undefined);
      throw new CliError(message);
    }
  },
};
