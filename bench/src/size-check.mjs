// Guard rail run by `pnpm test` (through turbo) and `pnpm --filter @plex/bench size`: builds our
// bundle entries and exits 1 when one exceeds its budget, when the XML decoder reaches a bundle's
// initial load (it must stay a lazily loaded chunk), or when any Node built-in is imported.
import { entries } from "./entries.mjs";
import { kb, markdownTable } from "./format.mjs";
import { assertOurPackagesBuilt } from "./preflight.mjs";
import { measureSizes } from "./sizes.mjs";

/** The problems of one measured entry; an empty list means it passes. */
export function sizeProblems(result) {
  const problems = [];
  if (result.budgetKb !== undefined && result.gzBytes > result.budgetKb * 1000) {
    const heaviest = result.heaviest.map((item) => `${item.name} ${kb(item.minBytes)} min`).join(", ");
    problems.push(
      `${result.id}: ${result.gzBytes} B gz > budget ${result.budgetKb * 1000} B (heaviest: ${heaviest})`,
    );
  }
  if (result.xmlInInitial.length > 0) {
    problems.push(`${result.id}: XML decoder in the initial bundle (${result.xmlInInitial.join(", ")})`);
  }
  for (const found of result.nodeImports) {
    problems.push(`${result.id}: Node built-in "${found.module}" imported by ${found.importer}`);
  }
  return problems;
}

export function sizeRows(results) {
  return results.map((result) => [
    result.label,
    kb(result.minBytes),
    kb(result.gzBytes),
    result.budgetKb === undefined ? "-" : `${result.budgetKb} kB`,
    result.lazyGzBytes > 0 ? `${kb(result.lazyGzBytes)}${result.xmlInLazy ? " (XML)" : ""}` : "-",
    result.xmlInInitial.length > 0 ? "XML!" : "none",
    result.nodeImports.length > 0 ? "node!" : "none",
    sizeProblems(result).length > 0 ? "FAIL" : "ok",
  ]);
}

export const SIZE_HEADERS = [
  "bundle",
  "min",
  "min+gz",
  "budget",
  "lazy chunks gz",
  "XML upfront",
  "node:",
  "check",
];

async function main() {
  const started = performance.now();
  await assertOurPackagesBuilt();
  const results = await measureSizes(entries.filter((entry) => entry.side === "ours"));
  console.log(markdownTable(SIZE_HEADERS, sizeRows(results)));
  const problems = results.flatMap(sizeProblems);
  console.log(`\nsize check: ${results.length} bundles in ${Math.round(performance.now() - started)} ms`);
  if (problems.length > 0) {
    console.error(`\nsize check FAILED:\n  - ${problems.join("\n  - ")}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(`size check FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
