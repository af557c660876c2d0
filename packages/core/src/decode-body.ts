import { PlexValidationError } from "./errors";
import { createRedactor, type Redactor } from "./internal/redactor";

export type BodyFormat = "json" | "xml";

/** Which decoder a content type calls for; `undefined` for anything we cannot read (HTML, text…). */
export function formatOf(contentType: string): BodyFormat | undefined {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || type === "text/json" || type.endsWith("+json")) return "json";
  if (type === "application/xml" || type === "text/xml" || type.endsWith("+xml")) return "xml";
  return undefined;
}

const PREVIEW_CHARS = 500;

/** The literal secrets to scrub: a call's redactor, or a plain list of values. */
export type Secrets = Redactor | readonly (string | undefined)[];

const toRedactor = (secrets: Secrets): Redactor =>
  Array.isArray(secrets) ? createRedactor(secrets) : (secrets as Redactor);

const preview = (text: string, secrets: Secrets) => toRedactor(secrets).clip(text, PREVIEW_CHARS);

type XmlParse = (text: string) => unknown;
let xmlParser: Promise<XmlParse> | undefined;

// Loaded on the first XML answer only (parser and converter both), so a JSON-only bundle
// that splits chunks never contains them.
function loadXmlParser(): Promise<XmlParse> {
  xmlParser ??= import("./internal/parse-xml").then(
    (module) => module.parseXml,
    (error: unknown) => {
      xmlParser = undefined; // a failed chunk load (offline browser) may succeed next time
      throw error;
    },
  );
  return xmlParser;
}

/** Parses XML into the shape the JSON answer has (see internal/xml-to-json.ts). */
export async function decodeXml(text: string, secrets: Secrets = []): Promise<unknown> {
  let value: unknown;
  try {
    const parse = await loadXmlParser();
    value = parse(text);
  } catch (error) {
    throw new PlexValidationError("Plex sent XML that could not be parsed", {
      rawValue: preview(text, secrets),
      issues: [
        {
          path: [],
          message: toRedactor(secrets).clip(String((error as Error)?.message ?? error), PREVIEW_CHARS),
        },
      ],
    });
  }
  if (value === undefined) {
    throw new PlexValidationError("Plex sent XML without exactly one root element", {
      rawValue: preview(text, secrets),
    });
  }
  return value;
}

export function decodeJson(text: string, secrets: Secrets = []): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new PlexValidationError("Plex sent a body that is not valid JSON", {
      rawValue: preview(text, secrets),
    });
  }
}

/**
 * Decodes a body by its content type. An empty body (204, or nothing sent) is `undefined`.
 * Anything else that is not JSON or XML, such as a captive portal's HTML page answered with 200,
 * is a `PlexValidationError` naming the content type. Throws nothing but `PlexValidationError`.
 * `secrets` are literal values (the token in use) scrubbed from the raw value an error carries.
 */
export async function decodeBody(text: string, contentType: string, secrets: Secrets = []): Promise<unknown> {
  if (text.trim() === "") return undefined;
  let format = formatOf(contentType);
  if (format === undefined && contentType.trim() === "") {
    // No content type at all: sniff, since some Plex servers omit it.
    const start = text.trimStart()[0];
    format = start === "{" || start === "[" ? "json" : start === "<" ? "xml" : undefined;
  }
  if (format === "json") return decodeJson(text, secrets);
  if (format === "xml") return decodeXml(text, secrets);
  throw new PlexValidationError(
    `Expected JSON or XML from Plex but got content type "${contentType || "(none)"}" (a captive portal or proxy page?)`,
    { rawValue: preview(text, secrets) },
  );
}
