import * as z from "zod/mini";

// Plex answers JSON or XML depending on the Accept header. XML attributes reach us as strings ("1", "0",
// "32400"), so every boolean and number field accepts both spellings and returns one typed value.

function toBoolean(value: unknown): unknown {
  if (value === true || value === 1 || value === "1" || value === "true") return true;
  if (value === false || value === 0 || value === "0" || value === "false") return false;
  return value;
}

function toNumber(value: unknown): unknown {
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  return value;
}

// An XML attribute has no null: plex.tv writes `adsConsent=""` where JSON has `"adsConsent": null`.
export function emptyToNull(value: unknown): unknown {
  return value === "" ? null : value;
}

/** Boolean that also accepts 1/0, "1"/"0" and "true"/"false". */
export const bool = /* @__PURE__ */ z.pipe(z.transform(toBoolean), z.boolean());

/** Number that also accepts numeric strings (XML attributes). */
export const num = /* @__PURE__ */ z.pipe(z.transform(toNumber), z.number());

/** Optional boolean that may be null (JSON) or "" (XML). */
export const nullableBool = /* @__PURE__ */ z.optional(z.pipe(z.transform(emptyToNull), z.nullable(bool)));

/** Optional number that may be null (JSON) or "" (XML). */
export const nullableNum = /* @__PURE__ */ z.optional(z.pipe(z.transform(emptyToNull), z.nullable(num)));

/** String that also accepts a number (an id or postal code some bodies write as a number) and returns a string. */
export const str = /* @__PURE__ */ z.pipe(
  z.transform((value: unknown) => (typeof value === "number" ? String(value) : value)),
  z.string(),
);

/**
 * Optional string that may be null. XML cannot write null, so "" on a nullable field means null too: a JSON and
 * an XML answer then give the same value.
 */
export const nullableStr = /* @__PURE__ */ z.optional(
  z.pipe(z.transform(emptyToNull), z.nullable(z.string())),
);

/**
 * A string that passes `test`, else one issue with `message`. Written as a transform that reports an issue
 * (zod's documented way to validate inside a transform) so the bundle needs no check kinds beyond
 * what coercion already pulls in: each check kind (`minLength`, `regex`) costs about 200 bytes gzipped.
 */
export function stringThat(
  test: (value: string) => boolean,
  message: string,
  required = message,
): z.ZodMiniPipe<z.ZodMiniString<string>, z.ZodMiniTransform<string, string>> {
  return z.pipe(
    // Missing/null and "wrong type" read differently; neither message repeats the value (it may be a secret).
    z.string({ error: (issue) => (issue.input == null ? required : `${required}: expected a string`) }),
    z.transform((value: string, ctx) => {
      if (!test(value)) ctx.issues.push({ code: "custom", message, input: value });
      return value;
    }),
  );
}

/** A string with at least one non-blank character: tokens, identifiers and URIs the SDK relies on. */
export function filled(name: string): z.ZodMiniType<string, string> {
  return stringThat((value) => /\S/.test(value), `${name} must not be empty`, `${name} is required`);
}

/** {@link filled} with a generic message, for fields nested deep enough that the issue path names them. */
export const nonEmpty = /* @__PURE__ */ filled("value");

/**
 * Enum-like string: the known values are typed (for autocompletion) but any other string passes, because
 * Plex adds values without notice and an SDK must not break on them.
 */
/**
 * A string that must equal `value`, typed as the literal. Built on {@link stringThat}, which keeps
 * `z.literal` out of the bundle.
 */
export function exactly<const T extends string>(value: T): z.ZodMiniType<T, T> {
  return stringThat((input) => input === value, `expected "${value}"`) as unknown as z.ZodMiniType<T, T>;
}

export function openEnum<const T extends readonly string[]>(
  _known: T,
): z.ZodMiniType<T[number] | (string & {}), string> {
  return z.string();
}

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
