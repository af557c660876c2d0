// Turns the measurements into the markdown printed by `pnpm bench` and written to RESULTS.md:
// a targets summary first (the issue-7 goals, never loosened), then one table per measurement.
import { kb, markdownTable, ms, opsPerSecond, ratio, us, verdict } from "./format.mjs";
import { SIZE_HEADERS, sizeRows } from "./size-check.mjs";

const spread = (summary, format) => `${format(summary.p25)} – ${format(summary.p75)}`;

function targetRows({ sizes, coldStart, perCall, validation }) {
  const size = (id) => sizes.find((result) => result.id === id);
  const cold = (id) => coldStart.find((result) => result.id === id);
  const rows = [];
  for (const id of ["ours-plexapi-4ops", "ours-standalone-1op", "ours-models"]) {
    const result = size(id);
    const ok = result.gzBytes <= result.targetKb * 1000;
    const bytes = `${result.gzBytes.toLocaleString("en-US")} B`;
    rows.push([result.label, `${kb(result.gzBytes)} (${bytes})`, `≤ ${result.targetKb} kB gz`, verdict(ok)]);
  }
  const smaller = size("plexjs-plexapi-4ops").gzBytes / size("ours-plexapi-4ops").gzBytes;
  rows.push([
    "PlexAPI four ops vs plexjs PlexAPI",
    `${ratio(smaller)} smaller`,
    "≥ 6× smaller",
    verdict(smaller >= 6),
  ]);
  const clean = sizes.filter((result) => result.side === "ours");
  const xmlFree = clean.every((result) => result.xmlInInitial.length === 0);
  const nodeFree = clean.every((result) => result.nodeImports.length === 0);
  rows.push(["XML decoder outside the initial load", xmlFree ? "yes" : "no", "yes", verdict(xmlFree)]);
  rows.push(["no Node built-in in our bundles", nodeFree ? "yes" : "no", "yes", verdict(nodeFree)]);
  for (const id of ["ours-esm", "ours-cjs"]) {
    const over = cold(id).overBare.median;
    rows.push([`cold ${cold(id).label} over bare node`, ms(over), "≤ 60 ms", verdict(over <= 60)]);
  }
  for (const result of perCall) {
    const value = result.ratio.median;
    rows.push([`per call, ${result.mode}, ours / fetch`, ratio(value), "≤ 1.25×", verdict(value <= 1.25)]);
  }
  const both = validation.find((result) => result.accepted.plexjs === "accepts");
  rows.push([
    `validation vs plexjs (${both.body})`,
    `${ratio(both.speedup.median)} faster`,
    "≥ 2×",
    verdict(both.speedup.median >= 2),
  ]);
  return rows;
}

function sizeSection(sizes) {
  const heaviest = sizes
    .filter((result) => result.side === "ours")
    .map(
      (result) =>
        `- ${result.label}: ${result.heaviest.map((item) => `${item.name} ${kb(item.minBytes)}`).join(", ")}`,
    );
  return [
    "## 1. Bundle size (esbuild: bundle, minify, ESM, browser, splitting; gzip -9)",
    "",
    "min / min+gz count the initial load (entry plus statically imported chunks); lazy chunks are listed apart.",
    "",
    markdownTable(SIZE_HEADERS, sizeRows(sizes)),
    "",
    "Heaviest inputs of our initial bundles (minified bytes before gzip):",
    "",
    ...heaviest,
  ];
}

function coldStartSection(coldStart) {
  const rows = coldStart.map((result) => {
    const bare = result.id === "bare";
    return [
      result.label,
      ms(result.wall.median),
      bare ? "-" : ms(result.overBare.median),
      bare ? "-" : spread(result.overBare, ms),
      bare ? "-" : ms(result.cpuOverBare.median),
    ];
  });
  return [
    `## 2. Cold start (fresh node process, ${coldStart[0].wall.rounds} interleaved rounds)`,
    "",
    "The target is judged on wall time over bare node; CPU time (user + system, reported by the process",
    "itself) is shown beside it because it moves far less when other work shares the machine.",
    "",
    markdownTable(
      [
        "process",
        "wall (median)",
        "wall over bare (median)",
        "wall over bare p25 – p75",
        "CPU over bare (median)",
      ],
      rows,
    ),
  ];
}

function perCallSection(perCall, settings) {
  const rows = perCall.map((result) => [
    result.mode,
    us(result.fetch.median),
    us(result.ours.median),
    ratio(result.ratio.median),
    spread(result.ratio, ratio),
    `${us(result.fetchCpu.median)} / ${us(result.oursCpu.median)}`,
    ratio(result.cpuRatio.median),
  ]);
  return [
    `## 3. Per call (getTokenDetails vs fetch + JSON.parse, ${settings.calls} calls a round, ${perCall[0].ratio.rounds} rounds)`,
    "",
    "Keep-alive node:http server on 127.0.0.1 in a child process, serving bench/fixtures/account.json.",
    "The target is judged on wall time; client CPU µs/call (this process only) shows the SDK's own cost.",
    "",
    markdownTable(
      [
        "mode",
        "fetch µs/call",
        "ours µs/call",
        "ours / fetch",
        "ratio p25 – p75",
        "client CPU fetch / ours",
        "CPU ours / fetch",
      ],
      rows,
    ),
  ];
}

function overheadSection(overhead, settings) {
  const rows = overhead.rows.map((row) => [row.label, us(row.cpu.median), spread(row.cpu, us)]);
  return [
    `### What the SDK adds per call, without sockets (CPU µs/call, ${settings.calls * 4} calls a round)`,
    "",
    markdownTable(["call", "CPU µs/call (median)", "p25 – p75"], rows),
    "",
    `getTokenDetails adds ${us(overhead.added.median)} of CPU per call over fetch + JSON.parse (median of rounds).`,
  ];
}

function validationSection(validation) {
  const rows = validation.map((result) => [
    `${result.body} (${kb(result.bytes)})`,
    opsPerSecond(result.ours.median),
    opsPerSecond(result.plexjs.median),
    ratio(result.speedup.median),
    result.accepted.plexjs,
  ]);
  return [
    `## 4. Validation (safeParse of the account body, ${validation[0].speedup.rounds} rounds)`,
    "",
    markdownTable(["body", "ours", "plexjs", "ours / plexjs", "plexjs verdict"], rows),
  ];
}

/** The whole report as markdown. */
export function renderReport(results) {
  const { date, machine, durationMs, settings, load } = results;
  return [
    "# @plex/bench results",
    "",
    `- Date: ${date}`,
    `- Machine: ${machine}`,
    `- Load average (1 min) at start / end: ${load.map((value) => value.toFixed(1)).join(" / ")}`,
    `- Run: \`pnpm bench\` in ${(durationMs / 1000).toFixed(0)} s; every figure is a median over interleaved rounds`,
    "",
    "## Targets (issue 7)",
    "",
    markdownTable(["target", "measured", "goal", "verdict"], targetRows(results)),
    "",
    ...sizeSection(results.sizes),
    "",
    ...coldStartSection(results.coldStart),
    "",
    ...perCallSection(results.perCall, settings),
    "",
    ...overheadSection(results.overhead, settings),
    "",
    ...validationSection(results.validation),
    "",
  ].join("\n");
}
