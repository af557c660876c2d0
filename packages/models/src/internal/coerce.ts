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
