// The SDK's own cost per call, without sockets: getTokenDetails with an injected in-memory fetch
// against the same fetch + JSON.parse, and the response validation alone. No network and no
// server, so this explains the per-call ratio (what the SDK adds) with little noise.
import { readFileSync } from "node:fs";
import { ACCOUNT_FIXTURE } from "./per-call.mjs";
import { importFromWorkspace } from "./snapshot.mjs";
import { emptySamples, interleave, summarize } from "./stats.mjs";

const URL_USER = "http://127.0.0.1:9/api/v2/user";

/** CPU µs per call of `calls` sequential awaited calls. */
async function cpuPerCall(call, calls) {
  const before = process.cpuUsage();
  for (let index = 0; index < calls; index += 1) await call();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}

/**
 * @param {{ rounds: number; calls: number; importOurs?: import("./snapshot.mjs").ImportOurs }} options
 */
export async function measureOverhead({ rounds, calls, importOurs = importFromWorkspace }) {
  const { createPlexClient, getTokenDetails } = await importOurs("@plex/auth");
  const { UserPlexAccountSchema } = await importOurs("@plex/models");
  const body = readFileSync(ACCOUNT_FIXTURE, "utf8");
  const account = JSON.parse(body);
  /** @type {typeof fetch} */
  const memoryFetch = async () => new Response(body, { headers: { "Content-Type": "application/json" } });
  const client = createPlexClient({
    clientIdentifier: "bench-client-0001",
    accessToken: "bench-account-token-0000",
    plexTvURL: "http://127.0.0.1:9/api/v2",
    retry: false,
    fetch: memoryFetch,
  });
  const headers = { Accept: "application/json", "X-Plex-Token": "bench-account-token-0000" };
  const candidates = [
    {
      id: "fetch",
      label: "in-memory fetch + JSON.parse",
      call: async () => JSON.parse(await (await memoryFetch(new Request(URL_USER, { headers }))).text()),
    },
    { id: "ours", label: "getTokenDetails over in-memory fetch", call: () => getTokenDetails(client) },
    {
      id: "validation",
      label: "UserPlexAccountSchema.safeParse alone",
      call: async () => UserPlexAccountSchema.safeParse(account),
    },
  ];
  for (const candidate of candidates) await cpuPerCall(candidate.call, calls); // JIT warm-up
  const samples = emptySamples(candidates);
  for (let round = 0; round < rounds; round += 1) {
    for (const candidate of interleave(candidates, round)) {
      samples[candidate.id].push(await cpuPerCall(candidate.call, calls));
    }
  }
  const added = samples.ours.map((value, round) => value - samples.fetch[round]);
  return {
    rows: candidates.map((candidate) => ({ label: candidate.label, cpu: summarize(samples[candidate.id]) })),
    added: summarize(added),
  };
}
