#!/usr/bin/env node
// Installs the pinned Bun, Deno and workerd binaries (runtimes.json) into a folder outside the workspace's
// node_modules, so only machines that run the runtime test (CI, or you on purpose) download them. The folder is
// PLEX_RUNTIMES_DIR, by default packages/release-check/.runtimes; the runtime test looks there.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findRuntimes, runtimesDir } from "./lib/runtimes.mjs";

const { packages } = JSON.parse(readFileSync(new URL("./runtimes.json", import.meta.url), "utf8"));
const dir = runtimesDir();
if (findRuntimes().binaries) {
  console.log(`runtimes already installed in ${dir} at the pinned versions`);
  process.exit(0);
}
mkdirSync(dir, { recursive: true });
// A package.json of its own: npm must not walk up into the pnpm workspace.
if (!existsSync(join(dir, "package.json")))
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "plex-runtimes", private: true })}\n`);
const specs = Object.entries(packages).map(([name, version]) => `${name}@${version}`);
// --ignore-scripts: the binaries are inside the packages; no postinstall download is ever needed or allowed.
execFileSync(
  "npm",
  ["install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", ...specs],
  { cwd: dir, stdio: "inherit" },
);
console.log(`runtimes installed in ${dir}: ${specs.join(", ")}`);
