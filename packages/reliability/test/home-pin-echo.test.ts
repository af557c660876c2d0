import { DEMO_HOME } from "@plex/demo-plex";
import { expect, test } from "vitest";
import { exposures, OPERATIONS, startFaultEnv } from "../src/index";
import { settle } from "./support";

// switchHomeUser sends the member's Home PIN as the `pin` query parameter. Core scrubs the token and secret body
// fields (a password) from every error as literal values, but not secret-named query values: when Plex's error
// message (or any body a proxy returns) repeats the PIN, it shows in the error's message, stack, JSON and inspect.
test.each([500, 403])("a Home PIN echoed in a %i answer is redacted from the error", async (status) => {
  const env = await startFaultEnv({
    name: "echo the pin",
    setup: "server",
    behavior: () => (seen, response) => {
      const pin = new URL(seen.url, "http://echo.invalid").searchParams.get("pin");
      response.writeHead(status, { "content-type": "application/json" });
      response.end(
        JSON.stringify({ errors: [{ code: 1041, message: `PIN ${pin} was not accepted`, status }] }),
      );
    },
    expect: () => ({ error: "PlexAPIError", attempts: 1, served: 1, minMs: 0, maxMs: 0 }),
  });
  try {
    const row = OPERATIONS.find((candidate) => candidate.name === "switchHomeUser")!;
    const { error } = await settle(row.call(env.client({ retry: false })));
    expect(env.primary.seen[0]!.url).toContain(`pin=${DEMO_HOME.memberPin}`);
    expect(exposures(error, [DEMO_HOME.memberPin])).toEqual([]);
  } finally {
    await env.close();
  }
});
