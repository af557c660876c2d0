// Per-call cost: our getTokenDetails against plain fetch + JSON.parse of the same body, both in
// this process, both against the same keep-alive server in a child process. Reported in µs per
// call, sequentially and with 64 calls in flight; the ratio is ours / plain fetch per round.
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { importFromWorkspace } from "./snapshot.mjs";
import { emptySamples, interleave, summarize } from "./stats.mjs";

/** @typedef {import("./snapshot.mjs").ImportOurs} ImportOurs */

const SERVER_SCRIPT = fileURLToPath(new URL("./account-server.mjs", import.meta.url));
export const ACCOUNT_FIXTURE = fileURLToPath(new URL("../fixtures/account.json", import.meta.url));
const CLIENT_IDENTIFIER = "bench-client-0001";
const TOKEN = "bench-account-token-0000";

/** Starts the account server in a child process; resolves with its origin and a stop function. */
export function startAccountServer(bodyPath = ACCOUNT_FIXTURE) {
  const child = fork(SERVER_SCRIPT, [bodyPath], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`account server exited early (${code})`)));
    child.once("message", (/** @type {{ port: number }} */ message) => {
      child.removeAllListeners("exit");
      resolve({ origin: `http://127.0.0.1:${message.port}`, stop: () => child.disconnect() });
    });
  });
}

/** The two ways of getting the account: the floor (plain fetch) and our SDK. */
/** @param {string} origin @param {ImportOurs} importOurs */
export async function perCallCandidates(origin, importOurs = importFromWorkspace) {
  const { createPlexClient, getTokenDetails } = await importOurs("@plex/auth");
  const url = `${origin}/api/v2/user`;
  const headers = {
    Accept: "application/json",
    "X-Plex-Client-Identifier": CLIENT_IDENTIFIER,
    "X-Plex-Token": TOKEN,
  };
  const client = createPlexClient({
    clientIdentifier: CLIENT_IDENTIFIER,
    accessToken: TOKEN,
    plexTvURL: `${origin}/api/v2`,
    retry: false,
  });
  return [
    {
      id: "fetch",
      label: "fetch + JSON.parse",
      call: async () => {
        const response = await fetch(url, { headers });
        if (!response.ok) throw new Error(`plain fetch got HTTP ${response.status}`);
        return JSON.parse(await response.text());
      },
    },
    {
      id: "ours",
      label: "@plex/auth getTokenDetails",
      call: async () => (await getTokenDetails(client)).data,
    },
  ];
}

/**
 * Runs `calls` calls in `lanes` parallel sequential lanes. Returns µs per call of wall time and of
 * this process's CPU time: the server lives in another process, so the CPU figure is the client's
 * own cost and moves little when other work shares the machine.
 */
async function runLanes(call, calls, lanes) {
  const perLane = Math.ceil(calls / lanes);
  const lane = async () => {
    for (let index = 0; index < perLane; index += 1) await call();
  };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: lanes }, lane));
  const wallUs = (performance.now() - started) * 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const total = perLane * lanes;
  return { wall: wallUs / total, cpu: (cpu.user + cpu.system) / total };
}

/**
 * @param {{ rounds: number; calls: number; concurrency: number; importOurs?: ImportOurs }} options
 * importOurs loads one of our packages: run.mjs passes its snapshot's loader.
 */
export async function measurePerCall({ rounds, calls, concurrency, importOurs = importFromWorkspace }) {
  const expected = JSON.parse(readFileSync(ACCOUNT_FIXTURE, "utf8"));
  const server = await startAccountServer();
  try {
    const candidates = await perCallCandidates(server.origin, importOurs);
    for (const candidate of candidates) {
      const account = await candidate.call();
      if (account?.username !== expected.username) {
        throw new Error(
          `${candidate.label} did not return the fixture account (username ${account?.username})`,
        );
      }
      // Warm up the JIT and open the keep-alive sockets both modes will reuse.
      await runLanes(candidate.call, calls, 1);
      await runLanes(candidate.call, calls, concurrency);
    }
    const modes = [
      { label: "sequential", lanes: 1 },
      { label: `concurrency ${concurrency}`, lanes: concurrency },
    ];
    const results = [];
    for (const mode of modes) {
      const wall = emptySamples(candidates);
      const cpu = emptySamples(candidates);
      for (let round = 0; round < rounds; round += 1) {
        for (const candidate of interleave(candidates, round)) {
          const sample = await runLanes(candidate.call, calls, mode.lanes);
          wall[candidate.id].push(sample.wall);
          cpu[candidate.id].push(sample.cpu);
        }
      }
      // Ratios are taken per round (ours / fetch of the same round), then the median of those.
      const ratioOf = (samples) =>
        summarize(samples.ours.map((value, round) => value / samples.fetch[round]));
      results.push({
        mode: mode.label,
        fetch: summarize(wall.fetch),
        ours: summarize(wall.ours),
        ratio: ratioOf(wall),
        fetchCpu: summarize(cpu.fetch),
        oursCpu: summarize(cpu.ours),
        cpuRatio: ratioOf(cpu),
      });
    }
    return results;
  } finally {
    server.stop();
  }
}
