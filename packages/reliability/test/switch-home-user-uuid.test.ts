import { PlexError, PlexInvalidRequestError } from "@plex/auth";
import { DEMO_HOME } from "@plex/demo-plex";
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

// switchHomeUser puts encodeURIComponent(uuid) into the path, but "." and ".." are left as they are and the URL
// parser resolves them: { uuid: ".." } posts the member PIN to /api/v2/home/switch instead.
test.each([".", ".."])(
  "switchHomeUser with uuid %j is refused or stays inside /home/users/…/switch",
  async (uuid) => {
    const row = OPERATIONS.find((candidate) => candidate.name === "switchHomeUser")!;
    server.seen.length = 0;
    const { error } = await settle(row.inputs[0]!.call(clientFor(server.url, { retry: false }), uuid));
    if (PlexInvalidRequestError.isInstance(error)) {
      expect(server.seen).toEqual([]);
      return;
    }
    expect(server.seen).toHaveLength(1);
    expect(new URL(`${server.url}${server.seen[0]!.url}`).pathname).toMatch(
      /^\/api\/v2\/home\/users\/[^/]+\/switch$/,
    );
    expect(DEMO_HOME.memberPin).toBeDefined();
  },
);

// encodeURIComponent throws URIError ("URI malformed") on a lone surrogate: an untyped error escapes switchHomeUser.
test("switchHomeUser with a lone surrogate in uuid throws a PlexError (PlexInvalidRequestError), never a URIError", async () => {
  const row = OPERATIONS.find((candidate) => candidate.name === "switchHomeUser")!;
  server.seen.length = 0;
  const { error } = await settle(row.inputs[0]!.call(clientFor(server.url, { retry: false }), "a\ud800b"));
  expect(PlexError.isInstance(error), String(error)).toBe(true);
  expect(server.seen).toEqual([]);
});
