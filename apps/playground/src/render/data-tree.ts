import { isSecretName, maskSecret } from "../mask.js";
import { h } from "./dom.js";

// Open enough to read a typical answer at a glance; long lists and big objects start folded.
const OPEN_DEPTH = 4;
const OPEN_MAX_ENTRIES = 12;
// What a newcomer came for stays open however deep or wide: servers and their connections.
const ALWAYS_OPEN = new Set(["MediaContainer", "Device", "Connection", "connections"]);

function secretValue(value: string): HTMLElement {
  const text = h("span", { class: "secret" }, maskSecret(value));
  let shown = false;
  const toggle = h("button", { type: "button", class: "link", "aria-label": "Reveal secret value" }, "show");
  toggle.addEventListener("click", () => {
    shown = !shown;
    text.textContent = shown ? value : maskSecret(value);
    toggle.textContent = shown ? "hide" : "show";
    toggle.setAttribute("aria-label", shown ? "Hide secret value" : "Reveal secret value");
  });
  return h("span", {}, text, " ", toggle);
}

function primitive(key: string, value: unknown): HTMLElement {
  if (typeof value === "string") {
    return isSecretName(key) && value !== ""
      ? secretValue(value)
      : h("span", { class: "v-string" }, JSON.stringify(value));
  }
  const kind = value === null ? "null" : typeof value;
  return h("span", { class: `v-${kind}` }, String(value));
}

function summaryOf(value: object): string {
  return Array.isArray(value) ? `[${value.length}]` : `{${Object.keys(value).length}}`;
}

function node(key: string, value: unknown, depth: number, forceOpen = false): HTMLElement {
  if (value === null || typeof value !== "object") {
    return h("li", {}, h("span", { class: "k" }, key), ": ", primitive(key, value));
  }
  const entries = Object.entries(value);
  const keep = ALWAYS_OPEN.has(key);
  // The items of an always-open list (each Connection) open too; their own fields follow the usual rule.
  const children = h(
    "ul",
    {},
    ...entries.map(([childKey, child]) => node(childKey, child, depth + 1, keep && Array.isArray(value))),
  );
  return h(
    "li",
    {},
    h(
      "details",
      {
        open: depth === 0 || keep || forceOpen || (depth < OPEN_DEPTH && entries.length <= OPEN_MAX_ENTRIES),
      },
      h("summary", {}, h("span", { class: "k" }, key), " ", h("span", { class: "count" }, summaryOf(value))),
      entries.length === 0 ? h("span", { class: "empty" }, "(empty)") : children,
    ),
  );
}

/** The typed `data` as nested <details>: collapsible, keyboard-accessible, secrets masked with a toggle. */
export function dataTree(value: unknown, rootLabel = "data"): HTMLElement {
  return h("ul", { class: "tree" }, node(rootLabel, value, 0));
}
