#!/usr/bin/env node
// Lints the packed tarballs with publint (package.json, exports map, files) and attw (types resolve for ESM and CJS
// consumers under node10, node16 and bundler resolution). Exits non-zero on any finding.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { packAll } from "./lib/pack.mjs";

const { destination, tarballs } = packAll();
let failed = false;

for (const [name, tarball] of Object.entries(tarballs)) {
  for (const [tool, args] of [
    ["publint", ["run", tarball, "--strict"]],
    ["attw", [tarball, "--no-emoji", "--format", "table-flipped"]],
  ]) {
    const run = spawnSync("pnpm", ["exec", tool, ...args], { encoding: "utf8" });
    const output = `${run.stdout}${run.stderr}`.trim();
    // publint exits 0 with suggestions printed; "reports nothing" means only its all-clear line is acceptable.
    const clean = run.status === 0 && (tool !== "publint" || /All good!/.test(output));
    console.log(`${clean ? "ok  " : "FAIL"} ${tool.padEnd(7)} ${name}`);
    if (!clean) {
      failed = true;
      console.log(output.replace(/^/gm, "     "));
    }
  }
}

rmSync(destination, { recursive: true, force: true });
if (failed) {
  console.error("Package checks failed: fix the findings above before releasing.");
  process.exit(1);
}
console.log("publint and attw: every packed tarball is clean.");
