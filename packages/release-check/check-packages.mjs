#!/usr/bin/env node
// Lints the packed tarballs with publint (package.json, exports map, files) and attw (types resolve for ESM and CJS
// consumers under node10, node16 and bundler resolution), and checks each carries the root LICENSE. Exits non-zero
// on any finding.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { packAll, repoRoot } from "./lib/pack.mjs";

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

// The manifests say MIT: every tarball must carry the license text itself, the same as the repository's.
const license = readFileSync(join(repoRoot, "LICENSE"), "utf8");
for (const [name, tarball] of Object.entries(tarballs)) {
  const packed = spawnSync("tar", ["-xzOf", tarball, "package/LICENSE"], { encoding: "utf8" });
  const clean = packed.status === 0 && packed.stdout === license;
  console.log(`${clean ? "ok  " : "FAIL"} ${"LICENSE".padEnd(7)} ${name}`);
  if (!clean) {
    failed = true;
    console.log(`     package/LICENSE is ${packed.status === 0 ? "not the root LICENSE" : "missing"}`);
  }
}

rmSync(destination, { recursive: true, force: true });
if (failed) {
  console.error("Package checks failed: fix the findings above before releasing.");
  process.exit(1);
}
console.log("publint, attw and LICENSE: every packed tarball is clean.");
