/**
 * A tiny serializer that writes our demo objects the way Plex writes XML: scalars become attributes
 * (booleans as 1/0, null as an empty string), nested objects become child elements, arrays under a
 * Capitalised key repeat that element (PMS style: `<Connection/>`), and arrays under a lowercase key get
 * a wrapper with singular children (plex.tv style: `<features><feature id="…"/></features>`).
 */

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function attributeValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(value);
}

function singular(key: string): string {
  if (key.endsWith("ies")) return `${key.slice(0, -3)}y`;
  if (key.endsWith("s")) return key.slice(0, -1);
  return key;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function listItem(name: string, item: unknown): string {
  return isObject(item) ? element(name, item) : `<${name} id="${escapeXml(attributeValue(item))}"/>`;
}

export function element(name: string, value: Record<string, unknown>): string {
  const attributes: string[] = [];
  const children: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    if (Array.isArray(child)) {
      const capitalised = key[0] !== undefined && key[0] === key[0].toUpperCase();
      if (capitalised) {
        for (const item of child) children.push(listItem(key, item));
      } else {
        children.push(`<${key}>${child.map((item) => listItem(singular(key), item)).join("")}</${key}>`);
      }
    } else if (isObject(child)) {
      children.push(element(key, child));
    } else {
      attributes.push(` ${key}="${escapeXml(attributeValue(child))}"`);
    }
  }
  const open = `<${name}${attributes.join("")}`;
  return children.length === 0 ? `${open}/>` : `${open}>${children.join("")}</${name}>`;
}

/** A whole document: `toXmlDocument("user", user)` → `<?xml …?><user …>…</user>`. */
export function toXmlDocument(name: string, value: Record<string, unknown>): string {
  return `${XML_DECLARATION}${element(name, value)}\n`;
}

/** A list at the root, as plex.tv writes `/api/v2/resources`: `<resources size="n"><resource/>…</resources>`. */
export function toXmlList(name: string, items: readonly Record<string, unknown>[]): string {
  const children = items.map((item) => element(singular(name), item)).join("");
  return `${XML_DECLARATION}<${name} size="${items.length}">${children}</${name}>\n`;
}

/** An error document in plex.tv's shape: `<errors><error code="…" message="…" status="…"/></errors>`. */
export function toXmlErrors(errors: readonly { code?: number; message: string; status?: number }[]): string {
  const children = errors.map((error) => element("error", { ...error })).join("");
  return `${XML_DECLARATION}<errors>${children}</errors>\n`;
}
