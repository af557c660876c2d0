import { DEMO_APPROVALS_KEY } from "../auth-page.js";
import { DEMO_TOKENS } from "../constants.js";
import type { DemoData, DemoPin } from "../demo-data.js";
import type { DemoContext } from "./context.js";
import { claimPin } from "./routes/pins-route.js";

/** The part of the Web Storage API the demo uses (localStorage in a browser, a Map-backed object in tests). */
export interface DemoStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PINS_KEY = "plex-demo.pins";

/**
 * Loads the pins another page left (a popup, or this tab before a redirect), then claims the codes the browser
 * auth page approved. Unreadable data is ignored rather than breaking the demo.
 */
export function loadPins(storage: DemoStorage, context: Pick<DemoContext, "data" | "now">): void {
  try {
    const saved = JSON.parse(storage.getItem(PINS_KEY) ?? "[]") as DemoPin[];
    context.data.pins.clear();
    for (const pin of saved) context.data.pins.set(pin.id, pin);
  } catch {
    // keep what is in memory
  }
  const approvals = storage.getItem(DEMO_APPROVALS_KEY);
  if (approvals === null) return;
  storage.removeItem(DEMO_APPROVALS_KEY);
  try {
    for (const code of JSON.parse(approvals) as unknown[]) {
      if (typeof code === "string") claimPin(context, code, DEMO_TOKENS.account);
    }
  } catch {
    // a malformed mailbox approves nothing
  }
}

export function savePins(storage: DemoStorage, data: DemoData): void {
  storage.setItem(PINS_KEY, JSON.stringify([...data.pins.values()]));
}
