import { PlexAbortError } from "@plex/auth";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type Behavior,
  clientFor,
  type FaultServer,
  OPERATIONS,
  PRIMARY_HOST,
  startFaultServer,
  whileOpen,
} from "../src/index";
import { formatTable } from "./support";

/** From `abort()` to the rejection: the bound. */
const ABORT_BOUND_MS = 50;

/**
 * Where a call can be when its signal aborts. `behavior` is what the server does; `armed` resolves once the call is
 * at that point (the abort is then sent after a random extra delay).
 */
interface CancelPoint {
  readonly name: string;
  readonly behavior: Behavior;
  readonly retry?: {
    maxRetries: number;
    initialDelayMs: number;
    maxDelayMs: number;
    maxRetryAfterMs: number;
  };
}

let armed: (() => void) | undefined;
const arm = () => armed?.();

const POINTS: readonly CancelPoint[] = [
  { name: "before send", behavior: (_seen, response) => response.end() },
  // The server holds the request: the call is waiting for headers.
  { name: "waiting for the answer", behavior: () => arm() },
  {
    name: "mid-response (body trickling)",
    behavior: (_seen, response, socket) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"MediaContainer":');
      whileOpen(socket, 20, () => response.write(" "));
      arm();
    },
  },
  {
    // Retry-After: 30 s with a cap above it: the call sleeps 30 s before its retry unless aborted.
    name: "mid-back-off",
    retry: { maxRetries: 2, initialDelayMs: 10, maxDelayMs: 10, maxRetryAfterMs: 60_000 },
    behavior: (_seen, response) => {
      response.writeHead(503, { "content-type": "application/json", "retry-after": "30" });
      response.end('{"errors":[{"code":2000,"message":"busy"}]}');
      response.on("finish", () => setTimeout(arm, 5));
    },
  },
  // mid-PIN-wait (waitForPinToken) and mid-probe (findBestConnection) join as rows when those operations land on main.
];

let server: FaultServer;
const timings: string[][] = [];

beforeAll(async () => {
  server = await startFaultServer(PRIMARY_HOST, () => {});
});
afterAll(async () => {
  await server.close();
  console.log(
    `\nCancellation (ms from abort() to PlexAbortError, worst per cell):\n${formatTable(["operation", "point", "runs", "worst ms", "bound"], timings)}\n`,
  );
});

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

describe("cancellation: an abort at any point ends the call within 50 ms with PlexAbortError", () => {
  for (const row of OPERATIONS) {
    for (const point of POINTS) {
      if (point.name === "mid-back-off" && !row.idempotent) continue; // a sign-in is never retried: no back-off
      test(`${row.name} · abort ${point.name}`, async () => {
        let worst = 0;
        let runs = 0;
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 0, max: 30 }), async (extraMs) => {
            server.behave(point.behavior);
            const before = server.seen.length;
            const timersBefore = timers();
            const controller = new AbortController();
            const client = clientFor(server.url, { retry: point.retry ?? false, timeoutMs: 30_000 });
            const reached = new Promise<void>((resolve) => {
              armed = resolve;
            });
            if (point.name === "before send") controller.abort();
            let abortedAt = performance.now();
            const call = row.call(client, { signal: controller.signal }).then(
              () => {
                throw new Error("the call resolved");
              },
              (error: unknown) => ({ error, at: performance.now() }),
            );
            if (point.name !== "before send") {
              await reached;
              await new Promise((resolve) => setTimeout(resolve, extraMs));
              abortedAt = performance.now();
              controller.abort();
            }
            const { error, at } = await call;
            const took = at - abortedAt;
            worst = Math.max(worst, took);
            runs += 1;
            expect(PlexAbortError.isInstance(error), String(error)).toBe(true);
            expect(took).toBeLessThan(ABORT_BOUND_MS);
            if (point.name === "before send") expect(server.seen.length).toBe(before);
            // Nothing keeps running: no retry goes out later, and the call's timers are gone.
            await new Promise((resolve) => setTimeout(resolve, 30));
            const sent = server.seen.length;
            await new Promise((resolve) => setTimeout(resolve, 60));
            expect(server.seen.length).toBe(sent);
            expect(timers()).toBeLessThanOrEqual(timersBefore);
          }),
          { numRuns: 8, seed: 14 },
        );
        timings.push([row.name, point.name, String(runs), worst.toFixed(1), `< ${ABORT_BOUND_MS}`]);
      });
    }
  }
});
