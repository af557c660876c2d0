// Cold start: wall time of a fresh node process that imports a package, minus a bare `node -e 0`
// measured in the same rounds. Candidates run interleaved (rotated each round) so drift in the
// machine's load hits all of them alike.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { emptySamples, interleave, summarize } from "./stats.mjs";

const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));

export const coldStartCandidates = [
  { id: "bare", label: "node -e 0", args: ["-e", "0"] },
  {
    id: "ours-esm",
    label: "@plex/auth (ESM import)",
    args: ["--input-type=module", "-e", 'import "@plex/auth";'],
  },
  { id: "ours-cjs", label: "@plex/auth (CJS require)", args: ["-e", 'require("@plex/auth");'] },
  {
    id: "plexjs-esm",
    label: "plexjs (ESM import)",
    args: ["--input-type=module", "-e", 'import "@lukehagar/plexjs";'],
  },
  { id: "plexjs-cjs", label: "plexjs (CJS require)", args: ["-e", 'require("@lukehagar/plexjs");'] },
];

function timeOnce(candidate) {
  const started = performance.now();
  // NODE_OPTIONS from a package manager (e.g. --require hooks) would be paid by every process.
  const result = spawnSync(process.execPath, candidate.args, {
    cwd: BENCH_DIR,
    env: { ...process.env, NODE_OPTIONS: "" },
    encoding: "utf8",
  });
  const elapsed = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(
      `cold start "${candidate.label}" exited ${result.status}: ${result.stderr.trim().slice(0, 400)}`,
    );
  }
  return elapsed;
}

/**
 * @param {{ rounds: number }} options
 * @returns per candidate: summary of wall times and of the time over bare node (per round).
 */
export function measureColdStart({ rounds }) {
  const samples = emptySamples(coldStartCandidates);
  for (const candidate of coldStartCandidates) timeOnce(candidate); // fill the OS file cache
  for (let round = 0; round < rounds; round += 1) {
    for (const candidate of interleave(coldStartCandidates, round)) {
      samples[candidate.id].push(timeOnce(candidate));
    }
  }
  const bare = samples.bare;
  return coldStartCandidates.map((candidate) => {
    const wall = samples[candidate.id];
    // Subtract the bare time of the same round, then take the median of those differences.
    const overBare = wall.map((value, round) => value - bare[round]);
    return { ...candidate, wall: summarize(wall), overBare: summarize(overBare) };
  });
}
