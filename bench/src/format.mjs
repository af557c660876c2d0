// Number and table formatting shared by the size check and the report.

export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
export const ms = (value) => `${value.toFixed(1)} ms`;
export const us = (value) => `${value.toFixed(0)} µs`;
export const ratio = (value) => `${value.toFixed(2)}×`;
export const opsPerSecond = (value) => `${Math.round(value).toLocaleString("en-US")} ops/s`;
export const verdict = (ok) => (ok ? "met" : "MISSED");

/** A GitHub-flavoured markdown table, columns padded so it also reads well in a terminal. */
export function markdownTable(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  const rule = `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join("\n");
}
