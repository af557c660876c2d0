/**
 * Turns the elements `readXml` returns into the shape plex.tv's JSON has for the same
 * answer, so one schema in @plex/models validates both:
 * - attributes become string properties (the schemas coerce "1"/"0" and numeric strings);
 * - child elements become properties keyed by tag; repeated tags become arrays;
 * - an element holding only text becomes that string;
 * - a plural wrapper with no attributes (`<roles><role id="plexpass"/></roles>`) becomes an array, and an
 *   item carrying only an `id` becomes that id, as in JSON (`"roles": ["plexpass"]`);
 * - the root is unwrapped (`<user …>` is the account itself) except `MediaContainer` and `errors`,
 *   which JSON keeps as the top-level key.
 */

import type { XmlChild, XmlElement } from "./read-xml";

const TEXT = "#text";
const KEEP_ROOT = new Set(["MediaContainer", "errors"]);

function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty: names such as "__proto__" and "constructor" must stay plain data fields.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isPluralOf(parent: string, child: string): boolean {
  return (
    parent === `${child}s` ||
    parent === `${child}es` ||
    (child.endsWith("y") && parent === `${child.slice(0, -1)}ies`)
  );
}

function isElement(child: XmlChild): child is XmlElement {
  return typeof child !== "string";
}

function isIdOnly(node: XmlElement): boolean {
  return node.attributes.length === 1 && node.attributes[0]![0] === "id" && node.children.length === 0;
}

function convert(node: XmlElement): unknown {
  const elements = node.children.filter(isElement);
  const text = node.children.filter((child) => !isElement(child)).join("");
  const { attributes, name: tag } = node;

  if (attributes.length === 0 && elements.length === 0) {
    // An empty plural element is an empty list in the JSON answers (`"services": []`).
    if (text === "") return /s$/.test(tag) ? [] : "";
    return text;
  }
  const first = elements[0]?.name;
  if (
    attributes.length === 0 &&
    text === "" &&
    first !== undefined &&
    elements.every((child) => child.name === first) &&
    isPluralOf(tag, first)
  ) {
    return elements.map((child) => (isIdOnly(child) ? child.attributes[0]![1] : convert(child)));
  }

  const out: Record<string, unknown> = {};
  for (const [name, value] of attributes) setField(out, name, value);
  const groups = new Map<string, unknown[]>();
  for (const child of elements) {
    const list = groups.get(child.name) ?? [];
    list.push(convert(child));
    groups.set(child.name, list);
  }
  for (const [name, list] of groups) setField(out, name, list.length === 1 ? list[0] : list);
  if (text !== "") setField(out, TEXT, text);
  return out;
}

/** `roots` is what `readXml(text)` returned; `undefined` unless there is exactly one. */
export function xmlToJson(roots: readonly XmlElement[]): unknown {
  if (roots.length !== 1) return undefined;
  const root = roots[0]!;
  const value = convert(root);
  if (!KEEP_ROOT.has(root.name)) return value;
  const out: Record<string, unknown> = {};
  // An empty <MediaContainer/> is an empty object in JSON, not an empty string.
  setField(out, root.name, value === "" ? {} : value);
  return out;
}
