// Validation cost: our UserPlexAccountSchema (zod/mini) against plexjs's schema for the same
// response (GetTokenDetailsUserPlexAccount$inboundSchema, zod 3), in ops/s. Two bodies:
// - "plex.tv shape": our fixture, shaped like real plex.tv answers. plexjs rejects it (numbers where
//   it expects date strings, numeric profile modes where it expects "0"/"1", features outside its
//   closed enum), so its figure there is the cost of producing a failure.
// - "shape both accept": the same account bent to plexjs's expectations; the target is judged here.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { ACCOUNT_FIXTURE } from "./per-call.mjs";
import { importFromWorkspace } from "./snapshot.mjs";
import { emptySamples, interleave, summarize } from "./stats.mjs";

const require = createRequire(import.meta.url);
const plexjsOperations = require("@lukehagar/plexjs/sdk/models/operations/gettokendetails.js");

// Profile modes plexjs types as string enums ("0" | "1"); mediaReviewsVisibility is numeric there.
const STRING_MODES = [
  "autoSelectSubtitle",
  "defaultSubtitleAccessibility",
  "defaultSubtitleForced",
  "watchedIndicator",
];

/** The fixture account bent so plexjs's schema accepts it (ours accepts both spellings). */
export function bothAcceptShape(account) {
  const knownFeatures = new Set(Object.values(plexjsOperations.Features));
  const profile = { ...account.profile };
  for (const key of STRING_MODES) if (typeof profile[key] === "number") profile[key] = String(profile[key]);
  return {
    ...account,
    // plexjs wants ISO date strings here, we want epoch seconds: null is the value both take.
    adsConsentSetAt: null,
    adsConsentReminderAt: null,
    profile,
    subscription: {
      ...account.subscription,
      features: account.subscription.features.filter((feature) => knownFeatures.has(feature)),
    },
  };
}

/**
 * Where a schema rejected a body, paths only (never values: the body holds tokens), with array
 * indices folded: "subscription.features.* ×37".
 */
function issuePaths(issues) {
  const counts = new Map();
  for (const issue of issues) {
    const path =
      issue.path.map((part) => (typeof part === "number" ? "*" : String(part))).join(".") || "(root)";
    counts.set(path, (counts.get(path) ?? 0) + 1);
  }
  return [...counts].map(([path, count]) => (count > 1 ? `${path} ×${count}` : path)).join(", ");
}

async function loadSchemas(importOurs) {
  const { UserPlexAccountSchema } = await importOurs("@plex/models");
  return [
    { id: "ours", label: "@plex/models UserPlexAccountSchema", schema: UserPlexAccountSchema },
    {
      id: "plexjs",
      label: "plexjs GetTokenDetailsUserPlexAccount",
      schema: plexjsOperations.GetTokenDetailsUserPlexAccount$inboundSchema,
    },
  ];
}

/** Runs safeParse `iterations` times; returns ops/s. */
function timeBatch(schema, body, iterations) {
  const started = performance.now();
  for (let index = 0; index < iterations; index += 1) schema.safeParse(body);
  return iterations / ((performance.now() - started) / 1000);
}

/**
 * @param {{ rounds: number; batchMs: number; importOurs?: import("./snapshot.mjs").ImportOurs }} options
 * importOurs loads one of our packages: run.mjs passes its snapshot's loader.
 */
export async function measureValidation({ rounds, batchMs, importOurs = importFromWorkspace }) {
  const fixture = JSON.parse(readFileSync(ACCOUNT_FIXTURE, "utf8"));
  const bodies = [
    { id: "plextv", label: "plex.tv shape", body: fixture },
    { id: "both", label: "shape both accept", body: bothAcceptShape(fixture) },
  ];
  const schemas = await loadSchemas(importOurs);
  const results = [];
  for (const { label, body, id } of bodies) {
    const accepted = {};
    for (const candidate of schemas) {
      const outcome = candidate.schema.safeParse(body);
      accepted[candidate.id] = outcome.success ? "accepts" : `rejects (${issuePaths(outcome.error.issues)})`;
      if (id === "both" && !outcome.success) {
        throw new Error(
          `${candidate.label} rejects the "${label}" body at ${issuePaths(outcome.error.issues)}`,
        );
      }
      if (candidate.id === "ours" && !outcome.success) {
        throw new Error(
          `our schema rejects the plex.tv-shaped fixture at ${issuePaths(outcome.error.issues)}`,
        );
      }
    }
    // Calibrate each candidate's batch to roughly batchMs so slow and fast schemas get equal time.
    const iterations = new Map();
    for (const candidate of schemas) {
      const rate = timeBatch(candidate.schema, body, 200);
      iterations.set(candidate.id, Math.max(50, Math.round((rate * batchMs) / 1000)));
    }
    const samples = emptySamples(schemas);
    for (let round = 0; round < rounds; round += 1) {
      for (const candidate of interleave(schemas, round)) {
        samples[candidate.id].push(timeBatch(candidate.schema, body, iterations.get(candidate.id)));
      }
    }
    const ours = samples.ours;
    const plexjs = samples.plexjs;
    results.push({
      body: label,
      bytes: JSON.stringify(body).length,
      accepted,
      ours: summarize(ours),
      plexjs: summarize(plexjs),
      speedup: summarize(ours.map((value, round) => value / plexjs[round])),
    });
  }
  return results;
}
