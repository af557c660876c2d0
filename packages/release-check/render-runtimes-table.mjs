#!/usr/bin/env node
// Writes the runtime table between `<!-- runtimes:start -->` and `<!-- runtimes:end -->` in the root README from the
// results the last runtime test wrote (runtime-results/). With --check it writes nothing and exits 1 when the README
// differs from those results or a runtime did not run or failed: CI's proof that the table is neither typed by hand
// nor stale.
import { readFileSync, writeFileSync } from "node:fs";
import { readRuntimeResults, renderRuntimesTable, resultsDir } from "./lib/runtime-results.mjs";

const readmeURL = new URL("../../README.md", import.meta.url);
const START = "<!-- runtimes:start -->";
const END = "<!-- runtimes:end -->";

const readme = readFileSync(readmeURL, "utf8");
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  console.error(`README.md has no ${START} … ${END} markers`);
  process.exit(1);
}
const rows = readRuntimeResults();
const updated = `${readme.slice(0, start + START.length)}\n${renderRuntimesTable(rows)}\n${readme.slice(end)}`;

if (!process.argv.includes("--check")) {
  writeFileSync(readmeURL, updated);
  console.log(`README.md runtime table written from ${resultsDir}`);
  process.exit(0);
}

const problems = rows
  .filter((row) => !row.result?.passed)
  .map(
    (row) => `${row.runtime}: ${row.result ? "failed" : `did not run (no ${row.id}.json in ${resultsDir})`}`,
  );
if (updated !== readme)
  problems.push(
    "the table in README.md differs from the latest results: run `pnpm --filter @plex/release-check runtimes:table` and commit README.md",
  );
if (problems.length > 0) {
  console.error(`runtime table check failed:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("README.md runtime table matches the latest runtime results, every runtime passed");
