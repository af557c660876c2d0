import { describe, expect, it } from "vitest";
import { MAX_DEPTH, readXml } from "./read-xml";

// Our own XML, shaped like Plex's (attribute-heavy, shallow). Safety cases are the classic attacks.

const MB = 1024 * 1024;

/** CPU milliseconds `run` takes: stable on a shared, loaded machine where wall time is not. */
function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function outcome(text: string): "parsed" | "refused" {
  try {
    readXml(text);
    return "parsed";
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return "refused";
  }
}

describe("readXml: what Plex sends", () => {
  it("reads the declaration, attributes in both quote styles, children and text", () => {
    const [root, ...rest] = readXml(
      `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- made up -->\n<MediaContainer size="1" a='x "q"'>\n  <Device name="Den"/>\n  <note>  hi  </note>\n</MediaContainer>\n`,
    );
    expect(rest).toEqual([]);
    expect(root).toEqual({
      name: "MediaContainer",
      attributes: [
        ["size", "1"],
        ["a", 'x "q"'],
      ],
      children: [
        { name: "Device", attributes: [["name", "Den"]], children: [] },
        { name: "note", attributes: [], children: ["hi"] },
      ],
    });
  });

  it("decodes the five predefined entities and numeric references, in text and attributes", () => {
    const [root] = readXml(`<a v="&lt;&gt;&amp;&quot;&apos;&#65;&#x1F600;">&amp;lt; &#xe9;t&#233;</a>`);
    expect(root!.attributes).toEqual([["v", `<>&"'A😀`]]);
    expect(root!.children).toEqual(["&lt; été"]);
  });

  it("keeps `>` inside quoted attribute values and CDATA as written", () => {
    const [root] = readXml(`<a b="x>y" c='1>0'><![CDATA[<not> &amp; a tag]]></a>`);
    expect(root!.attributes).toEqual([
      ["b", "x>y"],
      ["c", "1>0"],
    ]);
    expect(root!.children).toEqual(["<not> &amp; a tag"]);
  });

  it("reads unicode names and values", () => {
    const [root] = readXml(`<Gerät név="Ünïcødé 名前 🎬" ñ="ü">Straße 🎞</Gerät>`);
    expect(root).toEqual({
      name: "Gerät",
      attributes: [
        ["név", "Ünïcødé 名前 🎬"],
        ["ñ", "ü"],
      ],
      children: ["Straße 🎞"],
    });
  });

  it("keeps __proto__ and constructor as plain strings", () => {
    const [root] = readXml(`<__proto__ constructor="x" __proto__="y"><constructor/></__proto__>`);
    expect(root!.name).toBe("__proto__");
    expect(root!.attributes).toEqual([
      ["constructor", "x"],
      ["__proto__", "y"],
    ]);
    expect(({} as Record<string, unknown>).y).toBeUndefined();
  });

  it("returns every top-level element (the caller wants exactly one)", () => {
    expect(readXml("<a/><b/>").map((element) => element.name)).toEqual(["a", "b"]);
    expect(readXml("<?xml version='1.0'?><!-- nothing -->")).toEqual([]);
  });
});

describe("readXml: malformed XML throws", () => {
  it.each([
    ["a mismatched closing tag", "<a><b></a>"],
    ["an unclosed element", "<a>"],
    ["a stray closing tag", "</a>"],
    ["an unquoted attribute", "<a b=1/>"],
    ["an attribute without a value", "<a b/>"],
    ["a repeated attribute", '<a b="1" b="2"/>'],
    ["attributes without space between", '<a b="1"c="2"/>'],
    ["`<` in an attribute value", '<a b="<"/>'],
    ["an unterminated attribute value", '<a b="1/>'],
    ["an unterminated start tag", "<a b='1'"],
    ["a lone ampersand", "<a>fish & chips</a>"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a reference without `;`", "<a>&amp</a>"],
    ["a reference to NUL", "<a>&#0;</a>"],
    ["a reference past U+10FFFF", "<a>&#x110000;</a>"],
    ["a reference to a surrogate", "<a>&#xD800;</a>"],
    ["an unterminated comment", "<a><!-- x</a>"],
    ["an unterminated CDATA section", "<a><![CDATA[x</a>"],
    ["an unterminated declaration", "<?xml version='1.0'"],
    ["text outside the root", "hello <a/>"],
    ["a tag without a name", "<>x</>"],
  ])("%s", (_label, text) => {
    expect(() => readXml(text)).toThrow(/at offset \d+/);
  });
});

describe("readXml: hostile input", () => {
  it("refuses any DOCTYPE, so entity declarations never expand (billion laughs) and fast", () => {
    const lol = [
      '<?xml version="1.0"?>',
      "<!DOCTYPE lolz [",
      '<!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level === 0 ? "" : level};`.repeat(10)}">`,
      ),
      "]>",
      "<lolz>&lol9;</lolz>",
    ].join("\n");
    let message = "";
    const ms = cpuMs(() => {
      try {
        readXml(lol);
      } catch (error) {
        message = (error as Error).message;
      }
    });
    expect(message).toMatch(/DOCTYPE/);
    expect(ms).toBeLessThan(50);
  });

  it("refuses external entities and any other declaration", () => {
    for (const text of [
      '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
      '<!DOCTYPE a SYSTEM "http://127.0.0.1/evil.dtd"><a/>',
      "<!doctype a><a/>",
      "<a><!ENTITY x 'y'></a>",
    ]) {
      expect(() => readXml(text)).toThrow(/DOCTYPE/);
    }
    // Without a declaration, an entity reference is simply unknown.
    expect(() => readXml("<a>&x;</a>")).toThrow(/entity/);
  });

  it("keeps error messages short whatever the names in the input", () => {
    const long = "n".repeat(1_000_000);
    for (const text of [`<${long}>`, `<a></${long}>`, `<a ${long}="1" ${long}="2"/>`, `<a ${long}/>`]) {
      expect(() => readXml(text)).toThrow();
      try {
        readXml(text);
      } catch (error) {
        expect((error as Error).message.length).toBeLessThan(200);
      }
    }
  });

  it(`caps nesting at ${MAX_DEPTH} levels without recursion`, () => {
    const nested = (depth: number) => "<a>".repeat(depth) + "</a>".repeat(depth);
    expect(readXml(nested(MAX_DEPTH))[0]!.name).toBe("a");
    expect(() => readXml(nested(MAX_DEPTH + 1))).toThrow(/deeper than 256/);
    // A million open tags fails at the cap, not with a stack overflow.
    expect(() => readXml("<a>".repeat(1_000_000))).toThrow(/deeper than 256/);
    // Self-closing siblings add no depth.
    expect(readXml(`<a>${"<b/>".repeat(10_000)}</a>`)[0]!.children).toHaveLength(10_000);
  });

  // Each is 10 MB built to make a naive reader backtrack, rescan or recurse. A refusal comes at the first
  // bad byte or after one scan; a document that parses allocates an object per element, so it gets more
  // room. Both bounds are CPU time and generous for a loaded 2-core machine; a quadratic reader takes minutes.
  const REFUSED_MS = 1500;
  const PARSED_MS = 10_000;
  it.each<[string, "parsed" | "refused", () => string]>([
    ["repeated `<a `", "refused", () => "<a ".repeat((10 * MB) / 3)],
    ["one tag repeating one attribute", "refused", () => `<a ${'x="1" '.repeat((10 * MB) / 6)}`],
    ["an unterminated attribute value", "refused", () => `<a b="${"x".repeat(10 * MB)}`],
    ["an unterminated comment full of dashes", "refused", () => `<a><!--${"-".repeat(10 * MB)}`],
    ["an unterminated CDATA full of brackets", "refused", () => `<a><![CDATA[${"]]".repeat((10 * MB) / 2)}`],
    ["repeated `<!--` opens", "refused", () => "<!--".repeat((10 * MB) / 4)],
    ["repeated `<?` opens", "refused", () => "<?".repeat((10 * MB) / 2)],
    ["almost-references", "refused", () => `<a>${"&#x1234".repeat((10 * MB) / 7)}</a>`],
    ["ampersands in an attribute", "refused", () => `<a b="${"&".repeat(10 * MB)}"/>`],
    ["whitespace inside a closing tag", "refused", () => `<a></a${" ".repeat(10 * MB)}`],
    ["open tags", "refused", () => "<a>".repeat((10 * MB) / 3)],
    ["entity references in text", "parsed", () => `<a>${"&amp;&#x41;".repeat((10 * MB) / 11)}</a>`],
    [
      "distinct attributes on one tag",
      "parsed",
      () => `<a${Array.from({ length: 600_000 }, (_, i) => ` a${i}="v"`).join("")}/>`,
    ],
    ["a million siblings", "parsed", () => `<a>${"<b c='1'/>".repeat((10 * MB) / 10)}</a>`],
    [
      "deep then wide",
      "parsed",
      () => `${"<a>".repeat(MAX_DEPTH)}${"x".repeat(10 * MB)}${"</a>".repeat(MAX_DEPTH)}`,
    ],
  ])(
    "10 MB of %s is %s in bounded time",
    (_label, expected, build) => {
      const text = build();
      expect(text.length).toBeGreaterThan(5 * MB);
      let result: string | undefined;
      const ms = cpuMs(() => {
        result = outcome(text);
      });
      expect(result).toBe(expected);
      expect(ms).toBeLessThan(expected === "refused" ? REFUSED_MS : PARSED_MS);
      // The bound that matters is the CPU one above; wall time on a shared machine includes waiting.
    },
    60_000,
  );
});
