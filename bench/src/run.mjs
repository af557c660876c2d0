// `pnpm bench`: every measurement in one run, printed as a table and written to bench/RESULTS.md.
// `--quick` runs fewer rounds, for checking the harness itself (its figures are not for quoting).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { measureColdStart } from "./cold-start.mjs";
import { entries } from "./entries.mjs";
import { loadAverage, machineLine } from "./machine.mjs";
import { measureOverhead } from "./overhead.mjs";
import { measurePerCall } from "./per-call.mjs";
import { assertOurPackagesBuilt } from "./preflight.mjs";
import { renderReport } from "./report.mjs";
import { measureSizes } from "./sizes.mjs";
import { snapshotOurPackages } from "./snapshot.mjs";
import { measureValidation } from "./validation.mjs";

const RESULTS = fileURLToPath(new URL("../RESULTS.md", import.meta.url));
const quick = process.argv.includes("--quick");
const settings = quick
  ? { coldRounds: 3, callRounds: 3, calls: 100, concurrency: 64, validationRounds: 3, batchMs: 30 }
  : { coldRounds: 9, callRounds: 9, calls: 240, concurrency: 64, validationRounds: 9, batchMs: 100 };

function step(name) {
  process.stderr.write(`bench: ${name}…\n`);
}

/** Measures everything against one snapshot of our builds, removed afterwards. */
async function measureAll(started) {
  const { dir, importOurs, cleanup } = snapshotOurPackages();
  try {
    await assertOurPackagesBuilt(importOurs);
    step("bundle sizes");
    const sizes = await measureSizes(entries, { oursDir: dir });
    step(`cold start (${settings.coldRounds} rounds)`);
    const coldStart = measureColdStart({ rounds: settings.coldRounds, oursDir: dir });
    step(`per call (${settings.callRounds} rounds)`);
    const perCall = await measurePerCall({
      rounds: settings.callRounds,
      calls: settings.calls,
      concurrency: settings.concurrency,
      importOurs,
    });
    step(`SDK overhead without sockets (${settings.callRounds} rounds)`);
    const overhead = await measureOverhead({
      rounds: settings.callRounds,
      calls: settings.calls * 4,
      importOurs,
    });
    step(`validation (${settings.validationRounds} rounds)`);
    const validation = await measureValidation({
      rounds: settings.validationRounds,
      batchMs: settings.batchMs,
      importOurs,
    });
    return { sizes, coldStart, perCall, overhead, validation, durationMs: performance.now() - started };
  } finally {
    cleanup();
  }
}

async function main() {
  const loadBefore = loadAverage();
  const results = await measureAll(performance.now());
  const report = renderReport({
    date: new Date().toISOString(),
    machine: machineLine(),
    load: [loadBefore, loadAverage()],
    settings,
    ...results,
  });
  console.log(report);
  if (quick) {
    step("--quick: RESULTS.md left unchanged");
    return;
  }
  writeFileSync(RESULTS, report);
  step(`wrote ${RESULTS}`);
}

main().catch((error) => {
  console.error(`bench FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
