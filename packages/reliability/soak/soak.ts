/**
 * Load under faults: at least 50 000 calls of every operation at concurrency 128, a seeded random fault on a third
 * of them. Checks: every failure is a typed PlexError, no unhandled rejection, no secret in any error rendering or
 * logger line, bounded heap and RSS growth (measured after forced GC), nothing left open, bounded time.
 * Prints one line of figures; exits 1 when a check fails. Started by run-soak.mjs (which checks the process then
 * exits on its own), with `node --expose-gc`.
 */

import { PlexError } from "@plex/core";
import {
  demoBehavior,
  detectBodyLimit,
  exposures,
  FAULTS,
  type Fault,
  type FaultEnv,
  KNOWN_SECRETS,
  OPERATIONS,
  secretsIn,
  seededRandom,
  startFaultEnv,
} from "../src/index";

const CALLS = Number(process.env.SOAK_CALLS ?? 50_000);
const CONCURRENCY = 128;
const SEED = Number(process.env.SOAK_SEED ?? 14);
const FAULT_SHARE = 1 / 3;
// Memory is measured from here (after the first connections, JIT and caches), to the end.
const WARMUP = Math.min(2_000, Math.floor(CALLS / 10));
// A backstop against a hang, not a benchmark: about 50 s of CPU, spread over however long a shared machine needs.
const MAX_SECONDS = 240;
const MAX_HEAP_GROWTH_MIB = 24;
const MAX_RSS_GROWTH_MIB = 128;
const HAS_BODY_LIMIT = await detectBodyLimit();

// Faults that wait seconds by design (Retry-After: 1) are the matrix's business; the body-limit faults join once
// core has the limit (without it a gzip bomb is 16 MiB decoded per call, which measures nothing useful here).
const SOAK_FAULTS = FAULTS.filter(
  (fault) => fault.name !== "429 Retry-After: 1" && (fault.needs === undefined || HAS_BODY_LIMIT),
);
/** Per call against a faulty server: a PIN wait polls through transient faults this long. */
const FAULTY_TIMEOUT_MS = 2_000;
const SLOW = new Set(["stall past the timeout", "body trickles 1 byte/s"]);
const CLIENT_OPTIONS = {
  // The SDK's default: on a loaded machine a healthy answer can take seconds when 128 connections open at once.
  timeoutMs: 30_000,
  retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 100 },
  maxResponseBytes: 64 * 1024,
};

const gc = (globalThis as { gc?: () => void }).gc;
const mib = (bytes: number) => bytes / 1024 / 1024;

function memory(): { heap: number; rss: number } {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, rss: usage.rss };
}

interface World {
  env: FaultEnv;
  fault: Fault | undefined;
  plain: ReturnType<FaultEnv["client"]>;
  logged: ReturnType<FaultEnv["client"]>;
}

async function main(): Promise<void> {
  if (gc === undefined) throw new Error("run with node --expose-gc (pnpm test:soak does)");
  let unhandled = 0;
  process.on("unhandledRejection", () => {
    unhandled += 1;
  });
  const problems: string[] = [];
  let logLines = 0;
  let logLeaks = 0;
  const logger = {
    debug(message: string, details?: unknown) {
      logLines += 1;
      const leaked = secretsIn(`${message} ${JSON.stringify(details)}`);
      if (leaked.length > 0) {
        logLeaks += 1;
        if (problems.length < 10) problems.push(`logger line "${message}" shows ${leaked.length} secret(s)`);
      }
    },
  };

  const worlds: World[] = [];
  const open = async (fault: Fault | undefined) => {
    const env = await startFaultEnv(
      fault ?? {
        name: "healthy",
        setup: "server",
        behavior: () => demoBehavior(undefined, true),
        expect: () => ({ error: "", attempts: 1, served: 1, minMs: 0, maxMs: 0 }),
      },
      { record: false },
    );
    const world: World = {
      env,
      fault,
      plain: env.client(CLIENT_OPTIONS),
      logged: env.client({ ...CLIENT_OPTIONS, logger }),
    };
    worlds.push(world);
    return world;
  };
  const healthy = await open(undefined);
  const faulty: World[] = [];
  for (const fault of SOAK_FAULTS) faulty.push(await open(fault));

  const random = seededRandom(SEED);
  const counts = { ok: 0, typed: 0, untyped: 0, faulted: 0, healthyFailed: 0, exposed: 0 };
  const perOperation = new Map<string, number>();
  let before = { heap: 0, rss: 0 };
  let next = 0;
  const started = performance.now();

  async function one(index: number): Promise<void> {
    const row = OPERATIONS[index % OPERATIONS.length]!;
    const world = random() < FAULT_SHARE ? faulty[Math.floor(random() * faulty.length)]! : healthy;
    const client = random() < 0.5 ? world.plain : world.logged;
    const slow = world.fault !== undefined && SLOW.has(world.fault.name);
    if (world.fault) counts.faulted += 1;
    perOperation.set(row.name, (perOperation.get(row.name) ?? 0) + 1);
    try {
      await row.call(client, {
        timeoutMs: slow ? 100 : world.fault ? FAULTY_TIMEOUT_MS : CLIENT_OPTIONS.timeoutMs,
      });
      counts.ok += 1;
    } catch (error) {
      if (!PlexError.isInstance(error)) {
        counts.untyped += 1;
        if (problems.length < 10) problems.push(`${row.name}: untyped ${String((error as Error)?.name)}`);
        return;
      }
      counts.typed += 1;
      if (world.fault === undefined) {
        counts.healthyFailed += 1;
        if (problems.length < 10)
          problems.push(`${row.name} failed against the healthy server: ${error.name}`);
      }
      const found = exposures(error, [...KNOWN_SECRETS, ...row.secrets]);
      if (found.length > 0) {
        counts.exposed += 1;
        if (problems.length < 10) problems.push(`${row.name} × ${world.fault?.name}: ${found.join(", ")}`);
      }
    }
  }

  async function worker(_: unknown, slot: number): Promise<void> {
    // A short ramp-up: 128 connections opened in the same millisecond measure the kernel, not the SDK.
    await new Promise((resolve) => setTimeout(resolve, slot * 4));
    for (;;) {
      const index = next++;
      if (index >= CALLS) return;
      if (index === WARMUP) before = memory();
      await one(index);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;

  await Promise.all(worlds.map((world) => world.env.close()));
  // Let closed sockets and cleared timers leave the loop before counting what is still there.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const openSockets = worlds.reduce(
    (sum, world) => sum + world.env.primary.openSockets() + world.env.second.openSockets(),
    0,
  );
  const after = memory();
  const handles = process
    .getActiveResourcesInfo()
    .filter((kind) => !["TTYWrap", "PipeWrap", "FSReqCallback"].includes(kind));

  const reachedSecond = worlds.reduce((sum, world) => sum + world.env.second.served(), 0);
  if (reachedSecond > 0) problems.push(`${reachedSecond} requests reached the second origin`);
  const heapGrowth = mib(after.heap - before.heap);
  const rssGrowth = mib(after.rss - before.rss);
  const calls = counts.ok + counts.typed + counts.untyped;
  if (calls !== CALLS) problems.push(`${calls} of ${CALLS} calls settled`);
  if (counts.untyped > 0) problems.push(`${counts.untyped} failures were not PlexError`);
  if (counts.healthyFailed > 0)
    problems.push(`${counts.healthyFailed} calls failed against the healthy server`);
  if (counts.exposed > 0 || logLeaks > 0)
    problems.push(`secrets shown by ${counts.exposed} errors, ${logLeaks} log lines`);
  if (unhandled > 0) problems.push(`${unhandled} unhandled rejections`);
  if (heapGrowth > MAX_HEAP_GROWTH_MIB) problems.push(`heap grew ${heapGrowth.toFixed(1)} MiB`);
  if (rssGrowth > MAX_RSS_GROWTH_MIB) problems.push(`RSS grew ${rssGrowth.toFixed(1)} MiB`);
  if (handles.length > 0 || openSockets > 0) {
    const kinds = new Map<string, number>();
    for (const kind of handles) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    problems.push(
      `left open: ${openSockets} server sockets, handles ${JSON.stringify(Object.fromEntries(kinds))}`,
    );
  }
  if (seconds > MAX_SECONDS) problems.push(`took ${seconds.toFixed(1)} s (limit ${MAX_SECONDS})`);
  if (perOperation.size !== OPERATIONS.length) problems.push("an operation was never called");

  console.log(
    `soak: ${calls} calls (${OPERATIONS.length} operations, concurrency ${CONCURRENCY}, seed ${SEED}, ` +
      `${counts.faulted} with one of ${SOAK_FAULTS.length} faults) | ${counts.ok} ok, ${counts.typed} typed PlexError, ` +
      `${counts.untyped} untyped, ${unhandled} unhandled rejections | secrets: 0 of ${counts.typed} errors and ` +
      `${logLines} log lines checked show one: ${counts.exposed + logLeaks === 0 ? "yes" : "NO"} | leaks: ` +
      `${openSockets} sockets, ${handles.length} handles | heap ${mib(before.heap).toFixed(1)} → ` +
      `${mib(after.heap).toFixed(1)} MiB (${heapGrowth >= 0 ? "+" : ""}${heapGrowth.toFixed(1)}), RSS ` +
      `${mib(before.rss).toFixed(0)} → ${mib(after.rss).toFixed(0)} MiB (${rssGrowth >= 0 ? "+" : ""}` +
      `${rssGrowth.toFixed(0)}) | ${seconds.toFixed(1)} s (${Math.round(calls / seconds)} calls/s)`,
  );
  if (problems.length > 0) {
    console.error(`soak FAILED:\n- ${problems.join("\n- ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error("soak crashed:", error);
  process.exitCode = 1;
});
