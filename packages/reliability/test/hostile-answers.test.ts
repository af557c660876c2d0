import { PlexError } from "@plex/auth";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { clientFor, exposures, KNOWN_SECRETS, OPERATIONS, type OperationRow } from "../src/index";
import { LINEAR_BODIES } from "./hostile-bodies";
import { settle } from "./support";

const ORIGIN = "http://127.0.0.1:9";
/** CPU the SDK may spend on an answer: a fixed part plus a linear part, 10× what a correct parser needs here. */
const FIXED_CPU_MS = 60;
const CPU_NS_PER_BYTE = 2_000;

/** A client whose fetch answers `body` (answers only, so the CPU measured is the SDK's own). */
function answering(status: number, contentType: string, body: string) {
  const fetchFn = (async () =>
    new Response(body, {
      status,
      headers: contentType ? { "content-type": contentType } : {},
    })) as unknown as typeof fetch;
  return clientFor(ORIGIN, { fetch: fetchFn, retry: false });
}

async function measure(row: OperationRow, status: number, contentType: string, body: string) {
  const client = answering(status, contentType, body);
  const before = process.cpuUsage();
  const outcome = await settle(row.call(client));
  const used = process.cpuUsage(before);
  return { ...outcome, cpuMs: (used.user + used.system) / 1000 };
}

function expectTypedAndBounded(
  outcome: { error: unknown; result: unknown; cpuMs: number },
  row: OperationRow,
  bytes: number,
): void {
  if (outcome.error !== undefined) {
    expect(PlexError.isInstance(outcome.error), String(outcome.error)).toBe(true);
    expect(exposures(outcome.error, [...KNOWN_SECRETS, ...row.secrets])).toEqual([]);
  } else {
    expect(row.isGoodResult(outcome.result) || typeof outcome.result === "object").toBe(true);
  }
  expect(outcome.cpuMs).toBeLessThan(FIXED_CPU_MS + (bytes * CPU_NS_PER_BYTE) / 1e6);
  // Nothing from an answer reaches Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe("hostile answers: always a typed result or a typed error, in CPU linear in the body", () => {
  for (const hostile of LINEAR_BODIES) {
    for (const status of [200, 500]) {
      test(`${hostile.name} (${(hostile.body.length / 1024).toFixed(0)} kB, ${status})`, async () => {
        for (const row of OPERATIONS) {
          // A PIN wait polls on through a 500 until its deadline: getPin's row covers that answer's decoding.
          if (row.pollsUntilDeadline && status >= 500) continue;
          const outcome = await measure(row, status, hostile.contentType, hostile.body);
          expectTypedAndBounded(outcome, row, hostile.body.length);
        }
      });
    }
  }

  const jsonBody = fc.oneof(
    fc.json({ depthSize: "large", maxDepth: 50 }),
    fc
      .dictionary(
        fc.constantFrom(
          "__proto__",
          "constructor",
          "prototype",
          "MediaContainer",
          "authToken",
          "token",
          "errors",
          "Device",
          "code",
        ),
        fc.jsonValue({ maxDepth: 4 }),
      )
      .map((value) => JSON.stringify(value)),
    fc
      .record({ MediaContainer: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })) })
      .map((value) => JSON.stringify(value)),
  );
  const xmlName = fc.constantFrom(
    "MediaContainer",
    "errors",
    "error",
    "user",
    "__proto__",
    "constructor",
    "Device",
    "Connection",
    "token",
    "a",
  );
  const xmlAttribute = fc
    .tuple(
      fc.constantFrom("token", "authToken", "__proto__", "code", "message", "status", "x"),
      fc.string({ maxLength: 30 }),
    )
    .map(([name, value]) => `${name}="${value.replace(/[<&"]/g, "")}"`);
  const xmlElement: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc
        .tuple(xmlName, fc.uniqueArray(xmlAttribute, { maxLength: 4, selector: (a) => a.split("=")[0] }))
        .map(([name, attributes]) => `<${name} ${attributes.join(" ")}/>`),
      fc
        .tuple(xmlName, fc.array(tie("node"), { maxLength: 4 }), fc.string({ maxLength: 10 }))
        .map(
          ([name, children, text]) => `<${name}>${text.replace(/[<&]/g, "")}${children.join("")}</${name}>`,
        ),
    ),
  })).node;
  const xmlBody = fc.oneof(
    xmlElement,
    fc.string({ maxLength: 200 }).map((text) => `<a>${text}`),
    fc.string({ unit: "binary", maxLength: 200 }),
  );

  for (const [kind, arbitrary, contentType] of [
    ["JSON", jsonBody, "application/json"],
    ["XML", xmlBody, "application/xml"],
  ] as const) {
    test(`generated ${kind} bodies, every operation, 200 and error statuses`, async () => {
      await fc.assert(
        fc.asyncProperty(
          arbitrary,
          fc.constantFrom(...OPERATIONS),
          fc.constantFrom(200, 201, 400, 401, 404, 422, 429, 500),
          async (body, row, status) => {
            if (row.pollsUntilDeadline && (status >= 500 || status === 429)) return;
            const outcome = await measure(row, status, contentType, body);
            expectTypedAndBounded(outcome, row, body.length);
          },
        ),
        { numRuns: 300, seed: 14 },
      );
    });
  }
});
