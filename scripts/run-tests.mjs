#!/usr/bin/env node
// `pnpm test`: runs every package's tests through turbo, then ends with one line per package and, for skipped tests,
// why they were skipped (the name of the suite that skipped them says it). Each vitest run writes a JSON report
// (`.vitest-report.json`, a turbo output, so a cached run restores it); packages whose test is not vitest (the bench
// size guard) count as one check that passed or failed. Extra arguments go to turbo (`pnpm test --filter @plex/core`).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const REPORT = ".vitest-report.json";
const root = new URL("..", import.meta.url).pathname;

function workspacePackages() {
  const dirs = ["bench", "examples"];
  for (const parent of ["packages", "apps"]) {
    for (const name of readdirSync(join(root, parent))) dirs.push(join(parent, name));
  }
  return dirs
    .filter((dir) => existsSync(join(root, dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => typeof manifest.scripts?.test === "string");
}

const packages = workspacePackages();
for (const { dir } of packages) rmSync(join(root, dir, REPORT), { force: true });

const vitestArgs = ["--reporter=default", "--reporter=json", `--outputFile.json=${REPORT}`];
// --continue: one failing package must not hide how the others fare; --summarize: each task's exit code, read below.
const turboArgs = ["run", "test", "--continue", "--summarize", ...process.argv.slice(2), "--", ...vitestArgs];
const runsDir = join(root, ".turbo", "runs");
const before = new Set(existsSync(runsDir) ? readdirSync(runsDir) : []);
const child = spawn("turbo", turboArgs, { cwd: root, stdio: "inherit", env: process.env });
const code = await new Promise((resolve) => child.on("close", (status) => resolve(status ?? 1)));

/** Exit code of each package's test task in this run (`undefined` when turbo never started it). */
function testExitCodes() {
  const fresh = (existsSync(runsDir) ? readdirSync(runsDir) : []).filter((name) => !before.has(name));
  const codes = new Map();
  for (const name of fresh) {
    const summary = JSON.parse(readFileSync(join(runsDir, name), "utf8"));
    for (const task of summary.tasks ?? []) {
      if (task.task === "test") codes.set(task.package, task.execution?.exitCode);
    }
    rmSync(join(runsDir, name), { force: true });
  }
  return codes;
}

/** Counts and skip reasons from one vitest JSON report. */
function summarise(report) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const reasons = new Map();
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === "passed") counts.passed += 1;
      else if (test.status === "failed") counts.failed += 1;
      else {
        counts.skipped += 1;
        // The outermost suite says why (`… (skipped: Plex samples not found at …)`); a lone skipped test says it itself.
        const titles = [test.title, ...(test.ancestorTitles ?? [])];
        const reason = titles.find((title) => /skip|not modelled|not found/i.test(title)) ?? titles.at(-1);
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    }
    // A file that failed to load has no assertions but still failed.
    if ((file.assertionResults ?? []).length === 0 && file.status === "failed") counts.failed += 1;
  }
  return { counts, reasons };
}

const exitCodes = testExitCodes();
const rows = [];
const total = { passed: 0, failed: 0, skipped: 0 };
for (const { dir, manifest } of packages) {
  if (!exitCodes.has(manifest.name)) continue; // filtered out of this run
  const exit = exitCodes.get(manifest.name);
  const path = join(root, dir, REPORT);
  let line;
  if (existsSync(path)) {
    const { counts, reasons } = summarise(JSON.parse(readFileSync(path, "utf8")));
    // A run that exits non-zero with every test green (an unhandled error, a crashed worker) still failed.
    if (exit !== 0 && counts.failed === 0) counts.failed += 1;
    for (const key of Object.keys(total)) total[key] += counts[key];
    line = `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
    for (const [reason, count] of reasons) line += `\n${" ".repeat(26)}${count} skipped: ${reason}`;
  } else if (exit === 0) {
    line = manifest.scripts.test.includes("vitest") ? "passed (no report)" : "check passed";
  } else {
    total.failed += 1;
    line = exit === undefined ? "not run: a task it depends on failed" : `failed with exit code ${exit}`;
  }
  rows.push(`${manifest.name.padEnd(24)}  ${line}`);
}

console.log(`\n${rows.join("\n")}`);
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(code !== 0 ? code : total.failed > 0 ? 1 : 0);
