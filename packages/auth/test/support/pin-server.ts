import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface PinReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface PinServer {
  /** `http://127.0.0.1:<port>/api/v2`: pass as `plexTvURL`. */
  readonly plexTvURL: string;
  /** `performance.now()` of each request as the server received it, and its path. */
  readonly polls: {
    at: number;
    wall: number;
    path: string;
    clientIdentifier: string | undefined;
    token: boolean;
  }[];
  close(): Promise<void>;
}

/**
 * A real plex.tv stand-in on 127.0.0.1 for timing-sensitive polling tests: `reply(n)` answers the n-th poll
 * (0-based). `"hang"` keeps the request open until the client gives up.
 */
export async function startPinServer(reply: (poll: number) => PinReply | "hang"): Promise<PinServer> {
  const polls: PinServer["polls"] = [];
  const server: Server = createServer((request, response) => {
    const poll = polls.length;
    polls.push({
      at: performance.now(),
      wall: Date.now(),
      path: request.url ?? "",
      clientIdentifier: request.headers["x-plex-client-identifier"] as string | undefined,
      token: request.headers["x-plex-token"] !== undefined,
    });
    const answer = reply(poll);
    if (answer === "hang") return;
    response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    plexTvURL: `http://127.0.0.1:${port}/api/v2`,
    polls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
