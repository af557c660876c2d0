import * as z from "zod/mini";

// String schemas with their own readable messages. None of them repeats the value in a message: it may be
// a token or a password.

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
 * A string that must equal `value`, typed as the literal. Built on {@link stringThat}, which keeps
 * `z.literal` out of the bundle.
 */
export function exactly<const T extends string>(value: T): z.ZodMiniType<T, T> {
  return stringThat((input) => input === value, `expected "${value}"`) as unknown as z.ZodMiniType<T, T>;
}

/**
 * Enum-like string: the known values are typed (for autocompletion) but any other string passes, because
 * Plex adds values without notice and an SDK must not break on them.
 */
export function openEnum<const T extends readonly string[]>(
  _known: T,
): z.ZodMiniType<T[number] | (string & {}), string> {
  return z.string();
}
