/** A plain text table: columns padded to the widest cell, two spaces apart, no trailing spaces. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  style: {
    header?: (text: string) => string;
    cell?: (text: string, column: number, row: number) => string;
  } = {},
): string {
  const widths = header.map((title, column) =>
    Math.max([...title].length, ...rows.map((row) => [...(row[column] ?? "")].length)),
  );
  const line = (cells: readonly string[], paint: (text: string, column: number) => string) =>
    cells
      .map((cell, column) => {
        const padded = column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0);
        return paint(padded, column);
      })
      .join("  ")
      .trimEnd();
  const headerPaint = style.header ?? ((text: string) => text);
  return [
    line(header, (text) => headerPaint(text)),
    ...rows.map((row, index) =>
      line(row, (text, column) => (style.cell ? style.cell(text, column, index) : text)),
    ),
  ].join("\n");
}
