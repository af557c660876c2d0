// The runtime table of the root README comes from here: each runtime test writes one JSON file per runtime into
// runtime-results/ (failed first, passed once its assertions hold), and render-runtimes-table.mjs turns the files into
// the table between the markers of README.md. Versions are pinned (runtimes.json, the Debian chromium, CI's Node), so
// the same tree gives the same table.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const resultsDir = fileURLToPath(new URL("../runtime-results/", import.meta.url));

/** The rows of the table, in order: the id names the result file. */
export const RUNTIMES = [
  { id: "node-esm", runtime: "Node.js (ESM, `import`)", how: "`node example.mjs` in an npm-installed app" },
  {
    id: "node-cjs",
    runtime: "Node.js (CommonJS, `require`)",
    how: "`node example.cjs` in an npm-installed app",
  },
  { id: "bun", runtime: "Bun", how: "`bun --no-install cli.mjs`" },
  { id: "deno", runtime: "Deno", how: "`deno run --cached-only --node-modules-dir=manual`" },
  { id: "workerd", runtime: "Cloudflare workerd", how: "one ES module Worker bundled by esbuild" },
  {
    id: "chromium",
    runtime: "Chromium (headless)",
    how: "a page bundled by Vite from the installed tarballs",
  },
];

/** Records a runtime's outcome; call with `passed: false` before the assertions and `true` after them. */
export function recordRuntimeResult(id, version, passed) {
  if (!RUNTIMES.some((row) => row.id === id)) throw new Error(`unknown runtime id ${id}`);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${id}.json`), `${JSON.stringify({ id, version, passed }, null, 2)}\n`);
}

export function readRuntimeResults() {
  return RUNTIMES.map((row) => {
    const file = join(resultsDir, `${row.id}.json`);
    return { ...row, result: existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined };
  });
}

export function renderRuntimesTable(rows = readRuntimeResults()) {
  const cells = [
    ["runtime", "version", "result", "how it runs"],
    ...rows.map(({ runtime, how, result }) => [
      runtime,
      result?.version ?? "-",
      result ? (result.passed ? "passed" : "FAILED") : "not run",
      how,
    ]),
  ];
  // Padded as the repository's formatter (Biome) pads Markdown tables, so `pnpm lint` and this agree.
  const widths = cells[0].map((_, column) => Math.max(3, ...cells.map((row) => row[column].length)));
  const line = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  return [line(cells[0]), line(widths.map((width) => "-".repeat(width))), ...cells.slice(1).map(line)].join(
    "\n",
  );
}
