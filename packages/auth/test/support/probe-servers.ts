import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

export type Behaviour =
  /** Answers `/identity` as `machineIdentifier` after `delayMs`. */
  | { kind: "identity"; machineIdentifier: string; delayMs?: number }
  /** Accepts the request and never answers (a LAN address that swallows packets, seen from the socket). */
  | { kind: "stall" }
  /** Answers with an HTTP error status. */
  | { kind: "status"; status: number };

export interface ProbeServer {
  readonly uri: string;
  /** Headers of each request this server received. */
  readonly seen: IncomingHttpHeaders[];
  /** Requests whose socket is still open (a probe that outlived the call would show here). */
  open(): number;
}

const servers: Server[] = [];

afterEach(async () => {
  const closing = servers.splice(0).map(
    (server) =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  await Promise.all(closing);
});

/** A real `node:http` server on 127.0.0.1, port 0, playing one connection of a device. */
export async function probeServer(behaviour: Behaviour): Promise<ProbeServer> {
  const seen: IncomingHttpHeaders[] = [];
  let open = 0;
  const server = createServer((request, response) => {
    seen.push(request.headers);
    open++;
    request.socket.once("close", () => open--);
    if (behaviour.kind === "stall") return;
    if (behaviour.kind === "status") {
      response.writeHead(behaviour.status, { "content-type": "application/json" });
      response.end(JSON.stringify({ errors: [{ code: 1001, message: "User could not be authenticated" }] }));
      return;
    }
    const body = JSON.stringify({
      MediaContainer: {
        size: 0,
        claimed: true,
        machineIdentifier: behaviour.machineIdentifier,
        version: "1.41.0",
      },
    });
    setTimeout(() => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(body);
    }, behaviour.delayMs ?? 0);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { uri: `http://127.0.0.1:${port}`, seen, open: () => open };
}

/** A 127.0.0.1 port where nothing listens: a server is bound to find a free one, then closed. */
export async function refusedUri(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
