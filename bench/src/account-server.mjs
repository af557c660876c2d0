// A keep-alive node:http server on 127.0.0.1 that answers GET /api/v2/user with one account body.
// It runs in its own process (see per-call.mjs) so its work does not share the event loop that
// the client being measured runs on. Usage: node account-server.mjs <body.json>; it sends
// { port } over IPC once listening and exits when the parent disconnects.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const body = readFileSync(process.argv[2] ?? "");
const server = createServer((request, response) => {
  if (request.method === "GET" && request.url?.startsWith("/api/v2/user")) {
    response.writeHead(200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": body.length,
    });
    response.end(body);
    return;
  }
  response.writeHead(404, { "Content-Type": "application/json" });
  response.end('{"errors":[{"code":1002,"message":"Not found","status":404}]}');
});
// Long enough that no socket is closed mid-round: every call reuses a warm connection.
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address !== null ? address.port : 0 });
});
process.on("disconnect", () => server.close(() => process.exit(0)));
