import { detectBodyLimit } from "../src/index";

/** Core's body size limit (`maxResponseBytes`, `PlexResponseTooLargeError`) is on wip-core, not yet on main. */
export const HAS_BODY_LIMIT = await detectBodyLimit();
export const WAITS_FOR_CORE = "(skipped: waits for core's maxResponseBytes, not on main yet)";

/** What `promise` rejected with, or `undefined` when it resolved. */
export function settle(promise: Promise<unknown>): Promise<{ error: unknown; result: unknown }> {
  return promise.then(
    (result) => ({ error: undefined, result }),
    (error: unknown) => ({ error, result: undefined }),
  );
}

/** A fixed-width text table, one line per row. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}
