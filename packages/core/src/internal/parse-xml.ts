import { XMLParser } from "fast-xml-parser";
import { xmlToJson } from "./xml-to-json";

// Only ever loaded with a dynamic import (see decode-body.ts): the parser, its options and the
// converter all live in the lazy chunk, so a JSON-only bundle carries nothing of them.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** XML text in the shape the JSON answer has; `undefined` without exactly one root element. */
export function parseXml(text: string): unknown {
  return xmlToJson(parser.parse(text, true));
}
