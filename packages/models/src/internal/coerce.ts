import * as z from "zod/mini";

// Plex answers JSON or XML depending on the Accept header. XML attributes reach us as strings ("1", "0",
// "32400"), so every boolean and number field accepts both spellings and returns one typed value.
//
// Each helper is a single transform that converts, then checks the type itself. Zod's own `z.boolean()`,
// `z.number()` and `z.nullable()` would each add their schema kind to every bundle (about 1.3 kB
// minified together); a transform is already needed for the conversion, so checking in it is free.

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

const isNumber = (value: unknown): boolean => typeof value === "number" && Number.isFinite(value);
const isBoolean = (value: unknown): boolean => typeof value === "boolean";
const isString = (value: unknown): boolean => typeof value === "string";
const same = (value: unknown): unknown => value;

/**
 * `convert`, then one `invalid_type` issue (zod's code and shape) unless `is` accepts the result.
 * With `nullable`, `null` and `""` (XML's null) give `null`.
 */
function coerced<T>(
  convert: (value: unknown) => unknown,
  is: (value: unknown) => boolean,
  expected: "boolean" | "number" | "string",
  nullable = false,
): z.ZodMiniTransform<T, unknown> {
  return z.transform((input: unknown, ctx) => {
    if (nullable && emptyToNull(input) === null) return null as T;
    const value = convert(input);
    if (!is(value)) ctx.issues.push({ code: "invalid_type", expected, input });
    return value as T;
  });
}

/** Boolean that also accepts 1/0, "1"/"0" and "true"/"false". */
export const bool = /* @__PURE__ */ coerced<boolean>(toBoolean, isBoolean, "boolean");

/** A plain boolean, no coercion: for request fields the caller writes. */
export const strictBool = /* @__PURE__ */ coerced<boolean>(same, isBoolean, "boolean");

/** Number that also accepts numeric strings (XML attributes). */
export const num = /* @__PURE__ */ coerced<number>(toNumber, isNumber, "number");

/** Optional boolean that may be null (JSON) or "" (XML). */
export const nullableBool = /* @__PURE__ */ z.optional(
  coerced<boolean | null>(toBoolean, isBoolean, "boolean", true),
);

/** Optional number that may be null (JSON) or "" (XML). */
export const nullableNum = /* @__PURE__ */ z.optional(
  coerced<number | null>(toNumber, isNumber, "number", true),
);

/** String that also accepts a number (an id or postal code some bodies write as a number) and returns a string. */
export const str = /* @__PURE__ */ coerced<string>(
  (value) => (typeof value === "number" ? String(value) : value),
  isString,
  "string",
);

/**
 * Optional string that may be null. XML cannot write null, so "" on a nullable field means null too: a JSON and
 * an XML answer then give the same value.
 */
export const nullableStr = /* @__PURE__ */ z.optional(coerced<string | null>(same, isString, "string", true));
