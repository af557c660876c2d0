import { readXml } from "./read-xml";
import { xmlToJson } from "./xml-to-json";

// Only ever loaded with a dynamic import (see decode-body.ts): the reader and the converter both
// live in the lazy chunk, so a JSON-only bundle carries nothing of them.

/** XML text in the shape the JSON answer has; `undefined` without exactly one root element. */
export function parseXml(text: string): unknown {
  return xmlToJson(readXml(text));
}
