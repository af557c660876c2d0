import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One request as the server received it. */
export interface SeenRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  /** Header names in the order and case they arrived (from `rawHeaders`). */
  readonly rawHeaderNames: readonly string[];
  readonly body: string;
}

/** What the server does with one request: write an answer, misbehave, or never answer. */
export type Behavior = (request: SeenRequest, response: ServerResponse, socket: Socket) => void;

export interface FaultServerOptions {
  /** Keep every request in `seen` (default). A load test turns it off and reads `served` instead. */
  readonly record?: boolean;
}

export interface FaultServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly port: number;
  /** Every request received so far, in order (empty when not recording). */
  readonly seen: SeenRequest[];
  /** How many requests were received, recorded or not. */
  served(): number;
  /** Replaces the behaviour for the requests that follow. */
  behave(behavior: Behavior): void;
  /** Sockets currently open (a leak check: should be 0 once clients are done and connections closed). */
  openSockets(): number;
  close(): Promise<void>;
}

/**
 * A real `node:http` server on a loopback address that records every request and does whatever the current
 * behaviour says. Timers a behaviour starts must stop when the socket closes (see `whileOpen`).
 */
export async function startFaultServer(
  host: string,
  behavior: Behavior,
  options: FaultServerOptions = {},
): Promise<FaultServer> {
  let current = behavior;
  let served = 0;
  const record = options.record ?? true;
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  // Large enough for the fuzzing's 100 kB values: a request refused by the server would prove nothing.
  const server = createServer({ maxHeaderSize: 1024 * 1024 }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("error", () => {});
    request.on("end", () => {
      const entry: SeenRequest = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        rawHeaderNames: request.rawHeaders.filter((_, index) => index % 2 === 0),
        body: Buffer.concat(chunks).toString("utf8"),
      };
      served += 1;
      if (record) seen.push(entry);
      try {
        current(entry, response, request.socket);
      } catch {
        response.destroy();
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // Hostile clients are the point of some tests: a malformed request must not crash the server.
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    seen,
    behave: (next) => {
      current = next;
    },
    served: () => served,
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs `tick` every `ms` until the socket closes (a client that gave up must not leave a timer here). */
export function whileOpen(socket: Socket, ms: number, tick: () => void): void {
  const timer = setInterval(tick, ms);
  socket.once("close", () => clearInterval(timer));
}

/** A free port with nothing listening on it (bound then released): connecting is refused. */
export async function refusedPort(host: string): Promise<number> {
  const server = await startFaultServer(host, (_request, response) => response.end());
  await server.close();
  return server.port;
}
