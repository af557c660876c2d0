import { DEMO_TOKENS } from "@plex/demo-plex";
import { expect, test } from "vitest";
import { exposures, KNOWN_SECRETS, OPERATIONS, startFaultEnv } from "../src/index";
import { settle } from "./support";

// A server (or a debugging proxy in front of it) that reflects the token in a response header with an ordinary name:
// before core's per-call redactor, PlexAPIError.headers went through redactHeaders, which scrubs secret *names* only,
// so JSON.stringify(error) and util.inspect(error) showed the token.
test("a response header echoing the token under an ordinary name is redacted from the error", async () => {
  const env = await startFaultEnv({
    name: "echo in a header",
    setup: "server",
    behavior: () => (seen, response) => {
      response.writeHead(500, {
        "x-debug-echo": String(seen.headers["x-plex-token"]),
        "content-type": "text/plain",
      });
      response.end("upstream failed");
    },
    expect: () => ({ error: "PlexAPIError", attempts: 1, served: 1, minMs: 0, maxMs: 0 }),
  });
  try {
    const row = OPERATIONS.find((candidate) => candidate.name === "getTokenDetails")!;
    const { error } = await settle(row.call(env.client({ retry: false })));
    expect(env.primary.seen[0]!.headers["x-plex-token"]).toBe(DEMO_TOKENS.account);
    expect(exposures(error, KNOWN_SECRETS)).toEqual([]);
  } finally {
    await env.close();
  }
});
