#!/usr/bin/env node
// @ts-check
// `pnpm playground:tour`: every auth operation against the demo Plex on 127.0.0.1, or a real one with
// `-- --server URL --token T`. Exits 0 when every step ends as the scenario expects.
import { readArgs, USAGE } from "./tour/args.mjs";
import { runTour } from "./tour/run-tour.mjs";

/** @type {import("./tour/args.mjs").TourArgs} */
let args;
try {
  args = readArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const out = { write: (/** @type {string} */ text) => void process.stdout.write(text) };
runTour(args, out).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`Tour failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
