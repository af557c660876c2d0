import { PlexError } from "@plex/core";
import { afterAll, describe, expect, test } from "vitest";
import {
  demoBehavior,
  expectationFor,
  exposures,
  FAULTS,
  type Fault,
  KNOWN_SECRETS,
  MATRIX_CONFIG,
  OPERATIONS,
  type OperationRow,
  SHORT_TIMEOUT_MS,
  startFaultEnv,
} from "../src/index";
import { formatTable, HAS_BODY_LIMIT, settle, WAITS_FOR_CORE } from "./support";

// One line per cell, printed as a table when the suite ends (`pnpm --filter @plex/reliability test`).
const results = new Map<string, string[]>();
const key = (operation: string, fault: string) => `${operation}\u0000${fault}`;

function cell(row: OperationRow, fault: Fault): void {
  const expected = expectationFor(row, fault);
  test(`${row.name} × ${fault.name} → ${expected.error}, ${expected.attempts}${expected.maxAttempts === undefined || expected.maxAttempts === expected.attempts ? "" : `–${expected.maxAttempts}`} attempt(s)`, async () => {
    const env = await startFaultEnv(fault);
    try {
      const started = performance.now();
      const { error } = await settle(row.call(env.client({ ...MATRIX_CONFIG, ...fault.client })));
      const ms = performance.now() - started;
      results.set(key(row.name, fault.name), [
        row.name,
        fault.name,
        error === undefined
          ? expected.error === "result"
            ? "result (a verdict)"
            : "result (!)"
          : String((error as Error).name),
        String(env.count.attempts),
        String(env.primary.seen.length),
        ms.toFixed(0),
      ]);
      if (expected.error === "result") expect(error).toBeUndefined();
      else {
        expect(PlexError.isInstance(error), "every failure is a typed PlexError").toBe(true);
        expect((error as Error).name).toBe(expected.error);
      }
      if (expected.maxAttempts === undefined) {
        expect(env.count.attempts, "requests the client sent").toBe(expected.attempts);
        expect(env.primary.seen.length, "requests the server received").toBe(expected.served);
      } else {
        expect(env.count.attempts).toBeGreaterThanOrEqual(expected.attempts);
        expect(env.count.attempts).toBeLessThanOrEqual(expected.maxAttempts);
        expect(env.primary.seen.length).toBeGreaterThanOrEqual(expected.served);
        expect(env.primary.seen.length).toBeLessThanOrEqual(expected.maxServed ?? expected.maxAttempts);
      }
      expect(env.second.seen, "nothing ever reaches the second origin").toEqual([]);
      expect(env.count.plainHttp, "nothing is sent over plain http after https").toBe(0);
      expect(ms).toBeGreaterThanOrEqual(expected.minMs);
      expect(ms).toBeLessThan(expected.maxMs);
      expect(exposures(error, [...KNOWN_SECRETS, ...row.secrets])).toEqual([]);
      // The token goes to the configured origin only, as a header, never in a URL.
      for (const seen of env.primary.seen) {
        expect(seen.url).not.toContain(KNOWN_SECRETS[0]);
        expect(new URL(seen.url, env.origin).host).toBe(new URL(env.origin).host);
      }
    } finally {
      await env.close();
    }
  });
}

afterAll(() => {
  const rows: string[][] = [];
  for (const row of OPERATIONS) {
    for (const fault of ["healthy server", ...FAULTS.map((f) => f.name)]) {
      const waits = FAULTS.find((f) => f.name === fault)?.needs;
      const missing = waits && !HAS_BODY_LIMIT ? `(waits for core: ${waits})` : "(not run)";
      rows.push(results.get(key(row.name, fault)) ?? [row.name, fault, missing, "", "", ""]);
    }
  }
  const config = `timeoutMs ${MATRIX_CONFIG.timeoutMs} (${SHORT_TIMEOUT_MS} for the two timeout faults), retry ${JSON.stringify(MATRIX_CONFIG.retry)}, maxResponseBytes ${MATRIX_CONFIG.maxResponseBytes}`;
  console.log(
    `\nFault matrix (${config}):\n${formatTable(["operation", "fault", "outcome", "attempts", "served", "ms"], rows)}\n`,
  );
});

describe.concurrent("fault matrix: every operation × every fault, on real node:http servers", () => {
  for (const row of OPERATIONS) {
    test(`${row.name} · healthy server → the typed result`, async () => {
      const env = await startFaultEnv({
        name: "healthy",
        setup: "server",
        behavior: () => demoBehavior(),
        expect: () => ({ error: "", attempts: 1, served: 1, minMs: 0, maxMs: 0 }),
      });
      try {
        const started = performance.now();
        const { error, result } = await settle(row.call(env.client(MATRIX_CONFIG)));
        const ms = performance.now() - started;
        results.set(key(row.name, "healthy server"), [
          row.name,
          "healthy server",
          error === undefined ? "result" : String((error as Error).name),
          String(env.count.attempts),
          String(env.primary.seen.length),
          ms.toFixed(0),
        ]);
        expect(error).toBeUndefined();
        expect(row.isGoodResult(result)).toBe(true);
        expect(env.primary.seen).toHaveLength(row.healthyRequests ?? 1);
        expect(env.primary.seen[0]!.method).toBe(row.method);
        expect(new URL(env.primary.seen[0]!.url, env.origin).pathname).toBe(row.path);
      } finally {
        await env.close();
      }
    });

    for (const fault of FAULTS.filter((candidate) => candidate.needs === undefined)) cell(row, fault);
  }
});

// The body-limit rows, apart so the run's summary gives one reason for all of them while core's limit is not on main.
(HAS_BODY_LIMIT ? describe.concurrent : describe.skip)(
  `fault matrix: the body size limit ${HAS_BODY_LIMIT ? "" : WAITS_FOR_CORE}`,
  () => {
    for (const row of OPERATIONS) {
      for (const fault of FAULTS.filter((candidate) => candidate.needs !== undefined)) cell(row, fault);
    }
  },
);
