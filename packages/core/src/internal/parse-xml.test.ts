import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseXml } from "./parse-xml";
import { MAX_DEPTH, readXml, type XmlChild, type XmlElement } from "./read-xml";

// A fixed seed keeps CI deterministic; set FC_SEED to explore other inputs locally.
const seed = Number(process.env.FC_SEED ?? 20261201);

// Names Plex uses, names that are JavaScript specials, and non-ASCII ones.
const name = fc.constantFrom(
  "MediaContainer",
  "Device",
  "Connection",
  "user",
  "authToken",
  "x-y.z",
  "ns:tag",
  "_a1",
  "__proto__",
  "constructor",
  "toString",
  "Gerät",
  "名前",
);
// Every character class the writer must escape or the reader must decode, plus astral characters.
const char = fc.constantFrom(..."ab Z09<>&\"'=/?!;#-]\t\n\ré名😀\u00a0");
const value = fc.string({ unit: char, maxLength: 12 });
const text = value.map((raw) => raw.trim()).filter((raw) => raw !== "");

const tree = fc.letrec<{ element: XmlElement; children: XmlChild[] }>((tie) => ({
  element: fc.record({
    name,
    attributes: fc.uniqueArray(fc.tuple(name, value), { selector: ([key]) => key, maxLength: 4 }),
    children: tie("children") as fc.Arbitrary<XmlChild[]>,
  }),
  children: fc
    .array(fc.oneof({ depthSize: "small", withCrossShrink: true }, text, tie("element")), { maxLength: 4 })
    // Two texts in a row read back as one: keep an element between them.
    .map((children) =>
      children.filter((child, i) => typeof child !== "string" || typeof children[i - 1] !== "string"),
    ),
})).element;

/** Escapes every character that is markup, and tab/newline/CR so attribute values survive unchanged. */
function escapeXml(raw: string, numeric: boolean): string {
  return [...raw]
    .map((c) => {
      const named = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" }[c];
      if (named !== undefined) return numeric ? `&#${c.codePointAt(0)};` : named;
      return /[\t\n\r]/.test(c) ? `&#x${c.codePointAt(0)!.toString(16)};` : c;
    })
    .join("");
}

/** Writes a tree with the variety a server may use: both quote styles, references, CDATA, comments. */
function write(element: XmlElement, style: { quote: string; numeric: boolean; cdata: boolean }): string {
  const attributes = element.attributes
    .map(([key, raw]) => ` ${key} = ${style.quote}${escapeXml(raw, style.numeric)}${style.quote}`)
    .join("");
  const children = element.children
    .map((child) => {
      if (typeof child !== "string") return write(child, style);
      if (style.cdata && !child.includes("]]>")) return `\n  <![CDATA[${child}]]><!-- c -->`;
      return `\n  ${escapeXml(child, style.numeric)}\n`;
    })
    .join("");
  if (children === "" && style.cdata) return `<${element.name}${attributes}/>`;
  return `<${element.name}${attributes}>${children}</${element.name} >`;
}

const style = fc.record({ quote: fc.constantFrom('"', "'"), numeric: fc.boolean(), cdata: fc.boolean() });

describe("readXml round trip (fast-check)", () => {
  it("reads back every tree it is given, however it was written", () => {
    fc.assert(
      fc.property(tree, style, (element, how) => {
        const document = `<?xml version="1.0" encoding="UTF-8"?>\n${write(element, how)}\n`;
        expect(readXml(document)).toEqual([element]);
      }),
      { seed, numRuns: 400 },
    );
  });

  it("never throws anything but an Error and never overflows the stack on mangled documents", () => {
    fc.assert(
      fc.property(tree, style, fc.nat(), fc.nat(), (element, how, cut, insert) => {
        const document = write(element, how);
        // Overwrite one character with markup somewhere: mostly malformed results.
        const at = cut % (document.length + 1);
        const mangled = `${document.slice(0, at)}${"<>&\"'/!?"[insert % 8]}${document.slice(at + 1)}`;
        try {
          readXml(mangled);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message).toMatch(/at offset \d+$/);
        }
      }),
      { seed, numRuns: 400 },
    );
  });
});

describe("parseXml: the lazy module's contract", () => {
  it("is undefined without exactly one root element", () => {
    expect(parseXml("<?xml version='1.0'?>")).toBeUndefined();
    expect(parseXml("<a/><b/>")).toBeUndefined();
    expect(parseXml("<!-- only a comment -->")).toBeUndefined();
  });

  it("throws on malformed XML, DOCTYPEs and nesting past the limit", () => {
    expect(() => parseXml("<MediaContainer><Device></MediaContainer>")).toThrow();
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')).toThrow(/DOCTYPE/);
    expect(() => parseXml(`${"<a>".repeat(MAX_DEPTH + 1)}${"</a>".repeat(MAX_DEPTH + 1)}`)).toThrow(/deeper/);
  });

  it("turns decoded entities and unicode into JSON strings", () => {
    expect(parseXml(`<MediaContainer title="Tom &amp; Jerry &#x1F3AC;" note='a > b'/>`)).toEqual({
      MediaContainer: { title: "Tom & Jerry 🎬", note: "a > b" },
    });
  });

  it("keeps attribute values exactly as sent, spaces included, and trims text between tags", () => {
    expect(parseXml(`<user title=" Lena " empty="">\n  <nick>  kim </nick>\n</user>`)).toEqual({
      title: " Lena ",
      empty: "",
      nick: "kim",
    });
  });

  it("keeps __proto__ and constructor as plain data at every level", () => {
    const value = parseXml(
      '<MediaContainer __proto__="p"><constructor id="c"/><__proto__ polluted="yes"/></MediaContainer>',
    ) as { MediaContainer: Record<string, unknown> };
    const container = value.MediaContainer;
    expect(Object.getPrototypeOf(container)).toBe(Object.prototype);
    expect(Object.keys(container)).toEqual(["__proto__", "constructor"]);
    // Two properties, both own data: "p" (the attribute) is replaced by the element of the same name.
    expect(Object.getOwnPropertyDescriptor(container, "__proto__")?.value).toEqual({ polluted: "yes" });
    expect(container.constructor).toEqual({ id: "c" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
