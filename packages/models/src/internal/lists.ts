import * as z from "zod/mini";

// One list takes many shapes on the wire: a JSON array, and in XML (as core decodes it) a lone child, a wrapper
// element or an empty element. These helpers give one array back.

/** A plain object (not null, not an array): the shape a decoded element or a JSON object has. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Turns the many shapes one list takes on the wire into an array:
 * - JSON: `[a, b]`;
 * - XML with one child: `a` (a lone element decodes to an object, not an array);
 * - XML wrapper element: `{ [itemTag]: a }` or `{ [itemTag]: [a, b] }` (e.g. `<services><service/></services>`);
 * - an empty XML element: `""`, `{}` or a wrapper around `""`/null;
 * - a missing key or null: left as is (the field's own optional/nullable decides), or `[]` with `emptyWhenMissing`.
 * `item` maps each raw entry before validation (e.g. `<feature id="x"/>` → `"x"`).
 */
export function toList(
  value: unknown,
  itemTag: string | undefined,
  item: (entry: unknown) => unknown = (entry) => entry,
  emptyWhenMissing = false,
): unknown {
  let raw = value;
  if (itemTag !== undefined && isRecord(raw)) {
    // A wrapper element: no key when it is empty, else exactly one, the item tag.
    const keys = Object.keys(raw);
    if (keys.length === 0 || (keys.length === 1 && keys[0] === itemTag)) raw = raw[itemTag] ?? "";
  }
  if (raw === "" || (emptyWhenMissing && raw === undefined)) return [];
  return raw == null ? raw : (Array.isArray(raw) ? raw : [raw]).map(item);
}

/** A list field: accepts an array, a single element, an XML wrapper element or an empty element. */
export function list<T extends z.core.SomeType>(
  schema: T,
  itemTag?: string,
  item?: (entry: unknown) => unknown,
): z.ZodMiniPipe<z.ZodMiniTransform<unknown, unknown>, z.ZodMiniArray<T>> {
  return z.pipe(
    z.transform((value: unknown) => toList(value, itemTag, item)),
    z.array(schema),
  );
}

/**
 * A list that is always present in the output: a missing key gives `[]` (a device with no `<Connection>` child
 * has no key at all in XML). Not wrapped in `z.optional`, so the transform runs on a missing key too.
 */
export function listOrEmpty<T extends z.core.SomeType>(
  schema: T,
  itemTag?: string,
): z.ZodMiniPipe<z.ZodMiniTransform<unknown, unknown>, z.ZodMiniArray<T>> {
  return z.pipe(
    z.transform((value: unknown) => toList(value, itemTag, undefined, true)),
    z.array(schema),
  );
}

/** XML renders a string list as `<feature id="x"/>`; JSON as `"x"`. */
export function idOf(entry: unknown): unknown {
  return isRecord(entry) && typeof entry.id === "string" ? entry.id : entry;
}
