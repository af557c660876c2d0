import { PlexInvalidRequestError } from "@plex/auth";
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  clientFor,
  demoBehavior,
  type FaultServer,
  OPERATIONS,
  PRIMARY_HOST,
  startFaultServer,
} from "../src/index";
import { settle } from "./support";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer(PRIMARY_HOST, demoBehavior());
});
afterAll(() => server.close());

// checkHeaders copies the caller's headers into a plain object (`out[name] = value`): for "__proto__" that sets the
// object's prototype instead, so the header vanishes without a word. Either refusing it or sending it is fine.
test("a per-call header named after the prototype key is refused or sent, never silently dropped", async () => {
  const row = OPERATIONS.find((candidate) => candidate.name === "getTokenDetails")!;
  const headers = JSON.parse('{"__proto__":"value"}') as Record<string, string>;
  const { error } = await settle(row.call(clientFor(server.url, { retry: false }), { headers }));
  if (PlexInvalidRequestError.isInstance(error)) {
    expect(server.seen).toEqual([]);
  } else {
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]!.rawHeaderNames.map((name) => name.toLowerCase())).toContain("__proto__");
  }
});
