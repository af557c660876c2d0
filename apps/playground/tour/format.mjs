// @ts-check
/** Terminal formatting for the tour: masking, durations and a plain-text table (no dependencies). */

/**
 * Enough of a token to tell two apart, never enough to use one (same rule as the page's src/mask.ts).
 * @param {string} value
 */
export function maskSecret(value) {
  if (value.length <= 8) return "•".repeat(Math.max(value.length, 4));
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}

/** @param {number} ms */
export function formatMs(ms) {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/**
 * Columns padded to their widest cell; the last column is left ragged.
 * @param {string[]} header
 * @param {string[][]} rows
 */
export function formatTable(header, rows) {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  /** @param {string[]} cells */
  const line = (cells) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "─".repeat(width)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}
