import { PlexError } from "@plex/auth";
import { describe, expect, test } from "vitest";
import { clientFor, OPERATIONS } from "../src/index";
import { ONCE_QUADRATIC } from "./hostile-bodies";
import { settle } from "./support";

// Same bound as test/hostile-answers.test.ts. These bodies took seconds of CPU before core's linear redaction.
const FIXED_CPU_MS = 60;
const CPU_NS_PER_BYTE = 2_000;

describe("redaction stays linear on the bodies it was once quadratic on", () => {
  for (const hostile of ONCE_QUADRATIC) {
    for (const status of [200, 500]) {
      test(`${hostile.name} (${(hostile.body.length / 1024).toFixed(0)} kB, ${status}) costs CPU linear in its size`, async () => {
        const row = OPERATIONS[0]!;
        const fetchFn = (async () =>
          new Response(hostile.body, {
            status,
            headers: { "content-type": hostile.contentType },
          })) as unknown as typeof fetch;
        const before = process.cpuUsage();
        const { error } = await settle(
          row.call(clientFor("http://127.0.0.1:9", { fetch: fetchFn, retry: false })),
        );
        const used = process.cpuUsage(before);
        expect(PlexError.isInstance(error)).toBe(true);
        expect((used.user + used.system) / 1000).toBeLessThan(
          FIXED_CPU_MS + (hostile.body.length * CPU_NS_PER_BYTE) / 1e6,
        );
      });
    }
  }
});
