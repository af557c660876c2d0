import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
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

/** Serves the demo from a real `node:http` server, for tools that need sockets (the tour, benchmarks). */
export async function startDemoPlexServer(options: DemoPlexServerOptions = {}): Promise<DemoPlexServer> {
  const demo = options.demo ?? createDemoPlex();
  const host = options.host ?? "127.0.0.1";
  const server = createServer((message, out) => {
    const origin = `http://${message.headers.host ?? host}`;
    toRequest(message, origin)
      .then((request) => demo.handle(request))
      .then((response) => writeResponse(response, out))
      .catch(() => {
        out.writeHead(500, { "content-type": "text/plain" });
        out.end("demo-plex: internal error");
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url,
    plexTvURL: `${url}/api/v2`,
    serverURL: url,
    demo,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
