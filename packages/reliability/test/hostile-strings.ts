import fc from "fast-check";

/** Values that have broken HTTP clients: line breaks, NUL, separators, encodings, prototype names. */
export const NASTY = [
  "\r\nX-Injected: 1",
  "a\r\nHost: evil.example",
  "a\nSet-Cookie: x=1",
  "a\rb",
  "\u0000",
  "a\u0000b",
  "a&injected=1",
  "a=b",
  "x#fragment",
  "?injected=1",
  "../../admin",
  ".",
  "..",
  "%0d%0aX-Injected:%201",
  "%00",
  "__proto__",
  "constructor",
  "+",
  " ",
  " padded ",
  "\t",
  "\u2028\u2029",
  "\u0085",
  "😀",
  "\ud800",
  "Ω≈ç√",
  "é",
  "ÿ",
  "\u00a0",
  "",
  "http://evil.example/",
  "@evil.example",
  "A".repeat(100_000),
];

/** Any string, weighted towards the ones above and to line breaks spliced into ordinary text. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.string({ maxLength: 10 }),
        fc.constantFrom("\r", "\n", "\r\n", "\u0000", "&", "=", "#", "?", "/", "%", ";", ":", "@"),
        fc.string({ maxLength: 10 }),
      )
      .map((parts) => parts.join("")),
  },
);

/** What a correct request carries for `value`: lone surrogates become U+FFFD when UTF-8 encoded, by design. */
export const wellFormed = (value: string): string =>
  value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

/** HTTP drops spaces and tabs around a header value (RFC 9110 §5.5): what the server sees. */
export const headerValue = (value: string): string => value.replace(/^[\t ]+|[\t ]+$/g, "");
