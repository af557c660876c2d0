/**
 * Adversarial answer bodies, one family per pattern core runs over what a server sends (grep packages/core/src for
 * regexes): redaction (JSON field, XML attribute, XML element, form field), Plex error codes, the XML reader's names,
 * spaces and references, plus deep nesting, prototype keys and huge attributes.
 */
/** Large enough that a quadratic pattern costs seconds (a run of "<token " this size took 5 s before the fix). */
export const BIG = 256 * 1024;

const fill = (unit: string, bytes = BIG) => unit.repeat(Math.ceil(bytes / unit.length));
/** A name made of letters only (a, b, …, z, ba, …): no digits, so no demo PIN or code can appear by chance. */
const letters = (index: number): string =>
  (index >= 26 ? letters(Math.floor(index / 26)) : "") + String.fromCharCode(97 + (index % 26));

export interface HostileBody {
  readonly name: string;
  readonly contentType: string;
  readonly body: string;
}

/** Bodies main handles in linear time. */
export const LINEAR_BODIES: readonly HostileBody[] = [
  // redactText: JSON_FIELD `"token"\s*:\s*"…"` with unterminated strings and escapes
  { name: "JSON field names without values", contentType: "application/json", body: fill('"token":') },
  {
    name: "JSON escapes in a secret value",
    contentType: "application/json",
    body: `{"token":"${fill("\\\\\\")}`,
  },
  {
    name: "JSON field with endless spaces",
    contentType: "application/json",
    body: `{"authToken"${fill(" ")}`,
  },
  // redactText: XML_ATTRIBUTE `\b(token)\s*=\s*"…"`
  { name: "XML attributes without quotes", contentType: "application/xml", body: fill("token= ") },
  { name: "XML attribute opening quotes", contentType: "application/xml", body: `<a token="${fill("x")}` },
  { name: "XML attribute names and spaces", contentType: "application/xml", body: fill("token   ") },
  // redactText: FORM_FIELD `(^|[?&;\s])token=…`
  { name: "form fields", contentType: "text/plain", body: fill("&token=") },
  { name: "form field value without end", contentType: "text/plain", body: `?password=${fill("a")}` },
  // redactText: XML_ELEMENT's text part `>[^<]*</token>`
  { name: "XML secret elements without close", contentType: "application/xml", body: fill("<token>aaaa") },
  // map-error toNumber `^\s*-?\d+\s*$` on code and status
  {
    name: "error code of spaces",
    contentType: "application/json",
    body: `{"errors":[{"code":"${fill(" ", BIG / 2)}1${fill(" ", BIG / 2)}x","message":"m"}]}`,
  },
  // read-xml: NAME, SPACE, REFERENCE
  { name: "XML name of a million letters", contentType: "application/xml", body: `<${fill("a")}/>` },
  { name: "XML spaces inside a tag", contentType: "application/xml", body: `<a${fill(" ")}` },
  { name: "XML ampersands", contentType: "application/xml", body: `<a>${fill("&")}</a>` },
  {
    name: "XML long numeric references",
    contentType: "application/xml",
    body: `<a>${fill("&#x0000001;")}</a>`,
  },
  {
    name: "XML many attributes",
    contentType: "application/xml",
    body: `<MediaContainer ${Array.from({ length: BIG / 10 }, (_, i) => `b${letters(i)}="1"`).join(" ")}/>`,
  },
  {
    name: "XML huge attribute value",
    contentType: "application/xml",
    body: `<MediaContainer token="${fill("t")}"/>`,
  },
  { name: "XML deep nesting", contentType: "application/xml", body: `${fill("<a>", BIG / 2)}` },
  {
    name: "XML entity expansion (DOCTYPE)",
    contentType: "application/xml",
    body: `<!DOCTYPE a [<!ENTITY b "${fill("c", 1000)}">]><a>${fill("&b;", 10_000)}</a>`,
  },
  { name: "XML comment without end", contentType: "application/xml", body: `<a><!--${fill("-")}` },
  { name: "XML CDATA without end", contentType: "application/xml", body: `<a><![CDATA[${fill("]")}` },
  // JSON shapes
  {
    name: "JSON deep arrays",
    contentType: "application/json",
    body: `${fill("[", BIG / 2)}${fill("]", BIG / 2)}`,
  },
  {
    name: "JSON deep objects",
    contentType: "application/json",
    body: `${fill('{"a":', BIG / 2)}1${fill("}", BIG / 10)}`,
  },
  {
    name: "JSON prototype keys",
    contentType: "application/json",
    body: '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"MediaContainer":{"__proto__":{"polluted":1},"token":"t"},"authToken":"a"}',
  },
  {
    name: "JSON huge string",
    contentType: "application/json",
    body: `{"MediaContainer":{"token":"${fill("t")}"}}`,
  },
  {
    name: "JSON many keys",
    contentType: "application/json",
    body: `{${Array.from({ length: BIG / 20 }, (_, i) => `"k${letters(i)}":1`).join(",")}}`,
  },
  // Sniffed (no content type) and HTML
  { name: "HTML page", contentType: "text/html", body: `<html>${fill("<p>token=x password=y</p>")}` },
  { name: "no content type, starts like JSON", contentType: "", body: `{${fill(" ")}` },
];

/** Bodies redaction's XML element pattern was quadratic on before core's rework: test/linear-redaction.test.ts. */
export const ONCE_QUADRATIC: readonly HostileBody[] = [
  { name: "XML secret elements never closed", contentType: "application/xml", body: fill("<token ") },
  {
    name: "XML secret elements with attributes, never closed",
    contentType: "text/html",
    body: fill("<password a"),
  },
];
