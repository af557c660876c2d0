import { renderUnicodeCompact } from "uqr";

/**
 * The QR code for `text` in half-block characters (two modules per character row), or `undefined` when it
 * would not fit in `columns`. Scanned with a phone it opens the auth app: the quickest way to approve from a couch.
 */
export function renderQr(text: string, columns: number): string | undefined {
  const art = renderUnicodeCompact(text, { ecc: "L", border: 2 });
  const width = Math.max(...art.split("\n").map((line) => [...line].length));
  return width <= columns ? art : undefined;
}
