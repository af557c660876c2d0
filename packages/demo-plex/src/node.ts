import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_SLOW_PROBE_MS } from "./constants.js";
import { createDemoPlex, type DemoPlex } from "./create-demo-plex.js";

export interface DemoPlexServerOptions {
  /** Default "127.0.0.1": the demo never listens beyond this machine unless asked. */
  host?: string;
  /** Default 0: a free port, read it back from `url`. */
  port?: number;
  /** The demo to serve; default a new one. */
  demo?: DemoPlex;
}

export interface DemoPlexServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** `url` + `/api/v2`: pass as `plexTvURL`. */
  readonly plexTvURL: string;
  /** Same origin: pass as `serverURL`; plex.tv and media server paths do not overlap. */
  readonly serverURL: string;
  readonly demo: DemoPlex;
  close(): Promise<void>;
}

async function toRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = message.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(message.url ?? "/", origin), {
    method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
}

async function writeResponse(response: Response, out: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  out.writeHead(response.status, Object.fromEntries(response.headers));
  out.end(body);
}

type Listener = { server: Server; port: number };

async function listen(
  demo: DemoPlex,
  host: string,
  port: number,
  delayMs: number,
  timers: Set<NodeJS.Timeout>,
): Promise<Listener> {
  const server = createServer((message, out) => {
    const origin = `http://${message.headers.host ?? host}`;
    const answer = () =>
      toRequest(message, origin)
        .then((request) => demo.handle(request))
        .then((response) => writeResponse(response, out))
        .catch(() => {
          if (out.headersSent || out.destroyed) return;
          out.writeHead(500, { "content-type": "text/plain" });
          out.end("demo-plex: internal error");
        });
    if (delayMs === 0) {
      void answer();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!out.destroyed) void answer();
    }, delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve, reject) => {
    server.closeAllConnections();
    server.close((error) => (error ? reject(error) : resolve()));
  });

/**
 * Serves the demo from a real `node:http` server, for tools that need sockets (the tour, benchmarks).
 * The connections `/api/v2/resources` lists lead to real sockets too: the server itself (reachable), a second
 * listener that answers after `DEMO_SLOW_PROBE_MS` (the slow remote), a third for the relay, and https ports
 * on 127.0.0.2 where nothing listens (refused at once, deterministic). The demo's `data.probeURIs` is set to them.
 */
export async function startDemoPlexServer(options: DemoPlexServerOptions = {}): Promise<DemoPlexServer> {
  const demo = options.demo ?? createDemoPlex();
  const host = options.host ?? "127.0.0.1";
  const timers = new Set<NodeJS.Timeout>();
  const main = await listen(demo, host, options.port ?? 0, 0, timers);
  const slow = await listen(demo, host, 0, DEMO_SLOW_PROBE_MS, timers);
  const relay = await listen(demo, host, 0, 0, timers);
  const origin = (port: number, name = host, scheme = "http") =>
    `${scheme}://${name.includes(":") ? `[${name}]` : name}:${port}`;
  // A loopback address the demo does not listen on: connections there are refused.
  const dead = host === "127.0.0.2" ? "127.0.0.3" : "127.0.0.2";
  demo.data.probeURIs = {
    reachable: origin(main.port),
    // https like their msw counterparts: refused before any TLS, so no certificate is needed.
    unreachable: origin(main.port, dead, "https"),
    slow: origin(slow.port),
    unreachableIPv6: origin(slow.port, dead, "https"),
    relay: origin(relay.port),
    sharedOffline: origin(relay.port, dead, "https"),
  };
  const url = origin(main.port);
  return {
    url,
    plexTvURL: `${url}/api/v2`,
    serverURL: url,
    demo,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all([main, slow, relay].map(({ server }) => closeServer(server)));
    },
  };
}
