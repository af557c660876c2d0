/**
 * Turns fast-xml-parser's `preserveOrder` output into the shape plex.tv's JSON has for the same
 * answer, so one schema in @plex/models validates both:
 * - attributes become string properties (the schemas coerce "1"/"0" and numeric strings);
 * - child elements become properties keyed by tag; repeated tags become arrays;
 * - an element holding only text becomes that string;
 * - a plural wrapper with no attributes (`<roles><role id="plexpass"/></roles>`) becomes an array, and an
 *   item carrying only an `id` becomes that id, as in JSON (`"roles": ["plexpass"]`);
 * - the root is unwrapped (`<user …>` is the account itself) except `MediaContainer` and `errors`,
 *   which JSON keeps as the top-level key.
 */

export type XmlNode = Record<string, unknown>;

const ATTRIBUTES = ":@";
const TEXT = "#text";
const KEEP_ROOT = new Set(["MediaContainer", "errors"]);

function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty: names such as "constructor" must stay plain data fields.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function tagOf(node: XmlNode): string | undefined {
  for (const key of Object.keys(node)) if (key !== ATTRIBUTES && key !== TEXT) return key;
  return undefined;
}

function isPluralOf(parent: string, child: string): boolean {
  return (
    parent === `${child}s` ||
    parent === `${child}es` ||
    (child.endsWith("y") && parent === `${child.slice(0, -1)}ies`)
  );
}

function attributesOf(node: XmlNode): Record<string, unknown> {
  const attrs = node[ATTRIBUTES];
  return typeof attrs === "object" && attrs !== null ? (attrs as Record<string, unknown>) : {};
}

function childrenOf(node: XmlNode, tag: string): XmlNode[] {
  const children = node[tag];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

function convert(node: XmlNode, tag: string): unknown {
  const attrs = attributesOf(node);
  const children = childrenOf(node, tag);
  const elements: [string, XmlNode][] = [];
  let text = "";
  for (const child of children) {
    if (typeof child !== "object" || child === null) continue;
    if (TEXT in child) text += String(child[TEXT]);
    const childTag = tagOf(child);
    if (childTag !== undefined) elements.push([childTag, child]);
  }
  const attrNames = Object.keys(attrs);

  if (attrNames.length === 0 && elements.length === 0) {
    // An empty plural element is an empty list in the JSON answers (`"services": []`).
    if (text === "") return /s$/.test(tag) ? [] : "";
    return text;
  }
  const first = elements[0]?.[0];
  if (
    attrNames.length === 0 &&
    text === "" &&
    first !== undefined &&
    elements.every(([name]) => name === first) &&
    isPluralOf(tag, first)
  ) {
    return elements.map(([name, child]) => {
      const value = convert(child, name);
      return isIdOnly(child, name) ? attributesOf(child).id : value;
    });
  }

  const out: Record<string, unknown> = {};
  for (const name of attrNames) setField(out, name, String(attrs[name]));
  const groups = new Map<string, unknown[]>();
  for (const [name, child] of elements) {
    const list = groups.get(name) ?? [];
    list.push(convert(child, name));
    groups.set(name, list);
  }
  for (const [name, list] of groups) setField(out, name, list.length === 1 ? list[0] : list);
  if (text !== "") setField(out, TEXT, text);
  return out;
}

function isIdOnly(node: XmlNode, tag: string): boolean {
  const names = Object.keys(attributesOf(node));
  return names.length === 1 && names[0] === "id" && childrenOf(node, tag).length === 0;
}

/** `nodes` is what `new XMLParser({ preserveOrder: true, … }).parse(text)` returned. */
export function xmlToJson(nodes: unknown): unknown {
  if (!Array.isArray(nodes)) return undefined;
  const roots = (nodes as XmlNode[]).filter(
    (node) => typeof node === "object" && node !== null && tagOf(node),
  );
  if (roots.length !== 1) return undefined;
  const root = roots[0]!;
  const tag = tagOf(root)!;
  const value = convert(root, tag);
  if (!KEEP_ROOT.has(tag)) return value;
  const out: Record<string, unknown> = {};
  // An empty <MediaContainer/> is an empty object in JSON, not an empty string.
  setField(out, tag, value === "" ? {} : value);
  return out;
}
