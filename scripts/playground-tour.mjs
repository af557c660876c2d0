#!/usr/bin/env node
// `pnpm playground:tour`: builds what the tour imports (quietly: turbo's output only when the build fails), then
// runs the tour in this process's stead, with its exit code. The tour runs under `node` here rather than through
// `pnpm --filter … tour`, whose failure adds pnpm's recursive-run error block under the tour's own summary.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const build = spawnSync(
  "turbo",
  ["run", "build", "--filter=@plex/playground^...", "--output-logs=errors-only"],
  { cwd: root, encoding: "utf8", env: process.env },
);
if (build.status !== 0) {
  process.stderr.write(`${build.stdout ?? ""}${build.stderr ?? ""}`);
  process.stderr.write(
    `Building the packages the tour needs failed${build.error ? `: ${build.error.message}` : ""}.\n`,
  );
  process.exit(build.status ?? 1);
}
const tour = spawnSync(process.execPath, ["tour.mjs", ...process.argv.slice(2)], {
  cwd: new URL("../apps/playground/", import.meta.url),
  stdio: "inherit",
});
process.exit(tour.status ?? 1);
