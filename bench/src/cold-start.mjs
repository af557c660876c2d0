// Cold start: wall time of a fresh node process that imports a package, minus a bare `node -e 0`
// measured in the same rounds. Candidates run interleaved (rotated each round) so drift in the
// machine's load hits all of them alike.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { emptySamples, interleave, summarize } from "./stats.mjs";

const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));
const CPU_PROBE = fileURLToPath(new URL("./cpu-probe.cjs", import.meta.url));

// zod/mini exactly as @plex/models resolves it: shows how much of our cold start is zod's own load.
const ZOD_MINI = createRequire(new URL("../../packages/models/package.json", import.meta.url)).resolve(
  "zod/mini",
);

export const coldStartCandidates = [
  { id: "bare", label: "node -e 0", args: ["-e", "0"] },
  {
    id: "ours-esm",
    label: "@plex/auth (ESM import)",
    ours: true,
    args: ["--input-type=module", "-e", 'import "@plex/auth";'],
  },
  { id: "ours-cjs", label: "@plex/auth (CJS require)", ours: true, args: ["-e", 'require("@plex/auth");'] },
  {
    id: "zod-mini-cjs",
    label: "zod/mini alone (CJS require)",
    args: ["-e", `require(${JSON.stringify(ZOD_MINI)});`],
  },
  {
    id: "plexjs-esm",
    label: "plexjs (ESM import)",
    args: ["--input-type=module", "-e", 'import "@lukehagar/plexjs";'],
  },
  { id: "plexjs-cjs", label: "plexjs (CJS require)", args: ["-e", 'require("@lukehagar/plexjs");'] },
];

/** One fresh process: its wall time seen from here and the CPU time it reports for itself, in ms. */
function timeOnce(candidate, oursDir) {
  const started = performance.now();
  // NODE_OPTIONS from a package manager (e.g. --require hooks) would be paid by every process.
  const result = spawnSync(process.execPath, ["--require", CPU_PROBE, ...candidate.args], {
    cwd: candidate.ours ? oursDir : BENCH_DIR,
    env: { ...process.env, NODE_OPTIONS: "" },
    encoding: "utf8",
  });
  const elapsed = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(
      `cold start "${candidate.label}" exited ${result.status}: ${result.stderr.trim().slice(0, 400)}`,
    );
  }
  const cpu = result.stdout.match(/cpu-us:(\d+)/);
  if (cpu === null) throw new Error(`cold start "${candidate.label}" printed no CPU time`);
  return { wall: elapsed, cpu: Number(cpu[1]) / 1000 };
}

/**
 * @param {{ rounds: number; oursDir?: string }} options oursDir: the cwd our packages resolve from
 * @returns per candidate: summaries of wall time, wall time over bare node and CPU time over bare node.
 */
export function measureColdStart({ rounds, oursDir = BENCH_DIR }) {
  const wall = emptySamples(coldStartCandidates);
  const cpu = emptySamples(coldStartCandidates);
  for (const candidate of coldStartCandidates) timeOnce(candidate, oursDir); // fill the OS file cache
  for (let round = 0; round < rounds; round += 1) {
    for (const candidate of interleave(coldStartCandidates, round)) {
      const sample = timeOnce(candidate, oursDir);
      wall[candidate.id].push(sample.wall);
      cpu[candidate.id].push(sample.cpu);
    }
  }
  // Subtract the bare process of the same round, then take the median of those differences.
  const overBare = (samples, id) => samples[id].map((value, round) => value - samples.bare[round]);
  return coldStartCandidates.map((candidate) => ({
    ...candidate,
    wall: summarize(wall[candidate.id]),
    overBare: summarize(overBare(wall, candidate.id)),
    cpuOverBare: summarize(overBare(cpu, candidate.id)),
  }));
}
