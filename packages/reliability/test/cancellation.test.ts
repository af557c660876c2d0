import { PlexAbortError } from "@plex/auth";
import { createDemoPlex, DEMO_CLIENT_IDENTIFIER } from "@plex/demo-plex";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type Behavior,
  clientFor,
  type FaultServer,
  OPERATIONS,
  type OperationRow,
  PRIMARY_HOST,
  SUITE_PRODUCT,
  startFaultServer,
  whileOpen,
} from "../src/index";
import { formatTable } from "./support";

/**
 * From `abort()` to the rejection: the bound. What makes it hold on any machine is checked directly: the
 * call settles before a `setImmediate` queued right after `abort()` runs, so it waits for no timer and no I/O, only
 * for microtasks. The wall-clock bound is asserted whenever that same `setImmediate` shows the process was not
 * starved of CPU (on a shared 2-core machine the whole process can stand still for 100 ms).
 */
const ABORT_BOUND_MS = 50;

/**
 * Where a call can be when its signal aborts. `behavior` is what the server does; `armed` resolves once the call is
 * at that point (the abort is then sent after a random extra delay).
 */
interface CancelPoint {
  readonly name: string;
  /** The operations this point exists for (default: all). */
  readonly applies?: (row: OperationRow) => boolean;
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
  {
    // plex.tv says "not approved yet": the wait pauses before its next poll.
    name: "mid-PIN-wait",
    applies: (row) => row.name === "waitForPinToken",
    behavior: (_seen, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(unclaimedPin);
      response.on("finish", () => setTimeout(arm, 5));
    },
  },
  {
    // The server holds the /identity probe: findBestConnection is waiting for its only connection to answer.
    name: "mid-probe",
    applies: (row) => row.probes === true,
    behavior: () => arm(),
  },
];

/** A PIN as plex.tv answers it before the user approves it (from the demo: its first poll is "not yet"). */
let unclaimedPin = "";

let server: FaultServer;
const timings: string[][] = [];

beforeAll(async () => {
  server = await startFaultServer(PRIMARY_HOST, () => {});
  const demo = createDemoPlex();
  const headers = {
    Accept: "application/json",
    "X-Plex-Client-Identifier": DEMO_CLIENT_IDENTIFIER,
    "X-Plex-Product": SUITE_PRODUCT,
  };
  const created = await demo.handle(
    new Request("http://demo.invalid/api/v2/pins", { method: "POST", headers }),
  );
  const { id } = (await created.json()) as { id: number };
  unclaimedPin = await (
    await demo.handle(new Request(`http://demo.invalid/api/v2/pins/${id}`, { headers }))
  ).text();
  expect(JSON.parse(unclaimedPin).authToken).toBeNull();
});
afterAll(async () => {
  await server.close();
  console.log(
    `\nCancellation (ms from abort() to PlexAbortError, worst per cell; a worst above the bound only ever comes with a loop turn as slow, i.e. a process starved of CPU):\n${formatTable(["operation", "point", "runs", "worst ms", "next loop turn ms", "bound"], timings)}\n`,
  );
});

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

describe("cancellation: an abort at any point ends the call within 50 ms with PlexAbortError", () => {
  for (const row of OPERATIONS) {
    for (const point of POINTS) {
      // A sign-in is never retried and a probe is sent once: neither has a back-off.
      if (point.name === "mid-back-off" && (!row.idempotent || row.probes)) continue;
      if (point.applies && !point.applies(row)) continue;
      test(`${row.name} · abort ${point.name}`, async () => {
        let worst = 0;
        let worstTurn = 0;
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
            let settled = false;
            let abortedAt = performance.now();
            // Queued right after abort(): runs after every microtask the abort set off, before any timer or I/O.
            let nextTurn = Promise.resolve(0);
            const call = row.call(client, { signal: controller.signal }).then(
              () => {
                throw new Error("the call resolved");
              },
              (error: unknown) => {
                settled = true;
                return { error, at: performance.now() };
              },
            );
            const turn = () =>
              new Promise<number>((resolve) => setImmediate(() => resolve(settled ? performance.now() : -1)));
            if (point.name === "before send") nextTurn = turn();
            else {
              await reached;
              await new Promise((resolve) => setTimeout(resolve, extraMs));
              abortedAt = performance.now();
              controller.abort();
              nextTurn = turn();
            }
            const { error, at } = await call;
            const turnAt = await nextTurn;
            const took = at - abortedAt;
            worst = Math.max(worst, took);
            worstTurn = Math.max(worstTurn, turnAt - abortedAt);
            runs += 1;
            expect(PlexAbortError.isInstance(error), String(error)).toBe(true);
            expect(turnAt, "settled before the next turn of the event loop").toBeGreaterThan(0);
            if (turnAt - abortedAt < ABORT_BOUND_MS) expect(took).toBeLessThan(ABORT_BOUND_MS);
            if (point.name === "before send") expect(server.seen.length).toBe(before);
            // Nothing keeps running: no retry goes out later, and the call's timers are gone.
            await new Promise((resolve) => setTimeout(resolve, 30));
            const sent = server.seen.length;
            await new Promise((resolve) => setTimeout(resolve, 60));
            expect(server.seen.length).toBe(sent);
            expect(timers()).toBeLessThanOrEqual(timersBefore);
          }),
          { numRuns: 6, seed: 14 },
        );
        timings.push([
          row.name,
          point.name,
          String(runs),
          worst.toFixed(1),
          worstTurn.toFixed(1),
          `< ${ABORT_BOUND_MS}`,
        ]);
      });
    }
  }
});
