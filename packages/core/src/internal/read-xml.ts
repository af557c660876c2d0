/**
 * A small XML reader for the documents Plex sends: elements, attributes in either quote style, text,
 * CDATA, comments, processing instructions (the `<?xml …?>` declaration) and character references.
 * It checks well-formedness (tags nest, attributes are unique, every `&` is a reference) and throws
 * an `Error` saying where it stopped otherwise.
 *
 * Safe for hostile input by construction, not by configuration:
 * - a DOCTYPE is refused, so there are no entity declarations to expand (billion laughs) and no
 *   external entities to fetch; only the five predefined entities and numeric references decode;
 * - nesting is capped at `MAX_DEPTH` and the reader keeps its own stack (no recursion here);
 * - every step moves forward and every search (`indexOf`, sticky regexps with bounded repeats)
 *   starts where the last one ended, so time is linear in the input whatever it holds.
 */

export interface XmlElement {
  readonly name: string;
  /** In document order; names are plain strings (`__proto__` included), never object keys here. */
  readonly attributes: readonly (readonly [name: string, value: string])[];
  /** Elements and text, in document order; text is trimmed, CDATA kept as written. */
  readonly children: readonly XmlChild[];
}

export type XmlChild = XmlElement | string;

/** Plex nests four or five levels; anything this deep is not a Plex answer. */
export const MAX_DEPTH = 256;

// XML 1.0 names, approximated: a letter, `_` or `:` (or any non-ASCII), then those, digits, `-`, `.`.
const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7-\uFFFF-]*/y;
const SPACE = /[ \t\r\n]*/y;
// What may follow `&`: bounded repeats, tried once per `&` (sticky), so no backtracking over the text.
const REFERENCE = /#x([\dA-Fa-f]{1,6});|#(\d{1,7});|(lt|gt|amp|quot|apos);/y;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

// Names from the input go into error messages: a 10 MB name must not make a 10 MB message.
function shown(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

function fail(message: string, at: number): never {
  throw new Error(`${message} at offset ${at}`);
}

function codePoint(value: number, at: number): string {
  const valid =
    value === 0x9 ||
    value === 0xa ||
    value === 0xd ||
    (value >= 0x20 && value <= 0xd7ff) ||
    (value >= 0xe000 && value <= 0xfffd) ||
    (value >= 0x10000 && value <= 0x10ffff);
  if (!valid) fail(`Character reference to U+${value.toString(16).toUpperCase()} is not allowed in XML`, at);
  return String.fromCodePoint(value);
}

// A loop rather than `replace(/…/g, fn)`: V8 collects every match of a global replace before calling
// `fn`, which costs seconds on 10 MB of `&` and cannot stop at the first bad reference.
function decode(raw: string, at: number): string {
  let amp = raw.indexOf("&");
  if (amp < 0) return raw;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    REFERENCE.lastIndex = amp + 1;
    const found = REFERENCE.exec(raw);
    if (found === null) {
      // A lone `&`, an unknown entity (`&lol;`), or a reference with no `;`.
      fail(
        "Unknown or unterminated entity reference (only &lt; &gt; &amp; &quot; &apos; and &#…; are read)",
        at + amp,
      );
    }
    const [, hex, decimal, name] = found;
    const value =
      hex !== undefined
        ? codePoint(Number.parseInt(hex, 16), at + amp)
        : decimal !== undefined
          ? codePoint(Number.parseInt(decimal, 10), at + amp)
          : PREDEFINED[name!]!;
    out += raw.slice(from, amp) + value;
    from = REFERENCE.lastIndex;
    amp = raw.indexOf("&", from);
  }
  return out + raw.slice(from);
}

interface OpenElement {
  name: string;
  attributes: [string, string][];
  children: XmlChild[];
}

class Reader {
  pos = 0;

  constructor(readonly text: string) {}

  match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text);
    if (found === null) return undefined;
    this.pos = pattern.lastIndex;
    return found[0];
  }

  /** Moves past the next `end`, returning what came before it. */
  until(end: string, what: string): string {
    const stop = this.text.indexOf(end, this.pos);
    if (stop < 0) fail(`Unterminated ${what}`, this.pos);
    const body = this.text.slice(this.pos, stop);
    this.pos = stop + end.length;
    return body;
  }

  name(what: string): string {
    return this.match(NAME) ?? fail(`Expected ${what} name`, this.pos);
  }

  /** After `<name`: attributes up to `>` or `/>`. Returns whether the tag closed itself. */
  attributes(into: [string, string][]): boolean {
    const seen = new Set<string>();
    for (;;) {
      const space = this.match(SPACE)!;
      const next = this.text[this.pos];
      if (next === ">") {
        this.pos += 1;
        return false;
      }
      if (next === "/" && this.text[this.pos + 1] === ">") {
        this.pos += 2;
        return true;
      }
      if (next === undefined) fail("Unterminated start tag", this.pos);
      if (space === "") fail("Expected whitespace between attributes", this.pos);
      const name = this.name("an attribute");
      if (seen.has(name)) fail(`Attribute "${shown(name)}" is repeated`, this.pos);
      seen.add(name);
      this.match(SPACE);
      if (this.text[this.pos] !== "=") fail(`Expected = after attribute "${shown(name)}"`, this.pos);
      this.pos += 1;
      this.match(SPACE);
      const quote = this.text[this.pos];
      if (quote !== '"' && quote !== "'")
        fail(`Expected a quoted value for attribute "${shown(name)}"`, this.pos);
      const at = ++this.pos;
      const raw = this.until(quote, "attribute value");
      if (raw.includes("<")) fail(`"<" is not allowed in the value of attribute "${shown(name)}"`, at);
      into.push([name, decode(raw, at)]);
    }
  }
}

/** The top-level elements of `text` (one in a well-formed document). Throws on malformed XML. */
export function readXml(text: string): XmlElement[] {
  const reader = new Reader(text);
  const roots: XmlElement[] = [];
  const stack: OpenElement[] = [];
  if (text.startsWith("\uFEFF")) reader.pos = 1;
  while (reader.pos < text.length) {
    const start = reader.pos;
    const open = stack[stack.length - 1];
    if (text[start] !== "<") {
      const stop = text.indexOf("<", start);
      const end = stop < 0 ? text.length : stop;
      const raw = text.slice(start, end).trim();
      reader.pos = end;
      if (raw === "") continue;
      if (open === undefined) fail("Text outside the root element", start);
      open.children.push(decode(raw, start));
    } else if (text.startsWith("<?", start)) {
      reader.pos += 2;
      reader.until("?>", "processing instruction");
    } else if (text.startsWith("<!--", start)) {
      reader.pos += 4;
      reader.until("-->", "comment");
    } else if (text.startsWith("<![CDATA[", start)) {
      if (open === undefined) fail("CDATA outside the root element", start);
      reader.pos += 9;
      open.children.push(reader.until("]]>", "CDATA section"));
    } else if (text.startsWith("<!", start)) {
      // DOCTYPE (and with it every entity declaration, internal or external) is refused outright.
      fail("Plex XML never has a DOCTYPE or declarations; refusing", start);
    } else if (text[start + 1] === "/") {
      reader.pos += 2;
      const name = reader.name("a closing tag");
      reader.match(SPACE);
      if (text[reader.pos] !== ">") fail(`Expected > to close </${shown(name)}`, reader.pos);
      reader.pos += 1;
      if (open === undefined) fail(`Closing tag </${shown(name)}> without a start tag`, start);
      if (open.name !== name) fail(`Expected </${shown(open.name)}> but found </${shown(name)}>`, start);
      stack.pop();
    } else {
      reader.pos += 1;
      const element: OpenElement = { name: reader.name("an element"), attributes: [], children: [] };
      const closed = reader.attributes(element.attributes);
      if (open === undefined) roots.push(element);
      else open.children.push(element);
      if (!closed) {
        if (stack.length >= MAX_DEPTH) fail(`Elements nest deeper than ${MAX_DEPTH} levels`, start);
        stack.push(element);
      }
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed !== undefined) fail(`Element <${shown(unclosed.name)}> is not closed`, text.length);
  return roots;
}
