import { describe, expect, it } from "vitest";
import {
  createDemoPlex,
  DEMO_APPROVALS_KEY,
  DEMO_SERVER_URL,
  DEMO_TOKENS,
  type DemoStorage,
  renderDemoAuthPage,
} from "../src/index.js";
import { demoRequest, PLEX_TV } from "./helpers.js";

const FIXED_NOW = new Date("2026-11-28T06:00:00Z");

function memoryStorage(): DemoStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

async function createPin(plex: ReturnType<typeof createDemoPlex>, strong = true) {
  const url = `${PLEX_TV}/pins${strong ? "?strong=true" : ""}`;
  return (await plex.handle(demoRequest(url, { method: "POST" }))).json();
}

const poll = async (plex: ReturnType<typeof createDemoPlex>, id: number) =>
  plex.handle(demoRequest(`${PLEX_TV}/pins/${id}`));

const link = (plex: ReturnType<typeof createDemoPlex>, code: string, token?: string) =>
  plex.handle(demoRequest(`${PLEX_TV}/pins/link`, { method: "PUT", form: { code }, token }));

describe("demo PIN login like plex.tv", () => {
  it("with pinClaimAfterPolls: Infinity a pin stays unclaimed until PUT /pins/link (what Allow calls)", async () => {
    const plex = createDemoPlex({ now: () => FIXED_NOW, pinClaimAfterPolls: Number.POSITIVE_INFINITY });
    const pin = await createPin(plex);
    for (let index = 0; index < 5; index += 1) {
      expect((await (await poll(plex, pin.id)).json()).authToken).toBeNull();
    }
    const linked = await link(plex, pin.code, DEMO_TOKENS.account);
    expect(linked.status).toBe(204);
    expect(await (await poll(plex, pin.id)).json()).toMatchObject({
      authToken: DEMO_TOKENS.account,
      newRegistration: false,
    });
  });

  it("link needs the approving user's token (401 1001) and a live code (404 1020)", async () => {
    let now = FIXED_NOW;
    const plex = createDemoPlex({ now: () => now, pinClaimAfterPolls: Number.POSITIVE_INFINITY });
    const pin = await createPin(plex);
    const anonymous = await link(plex, pin.code);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).errors[0].code).toBe(1001);
    const wrong = await link(plex, "NOPE", DEMO_TOKENS.account);
    expect(wrong.status).toBe(404);
    expect((await wrong.json()).errors[0].code).toBe(1020);
    now = new Date(FIXED_NOW.getTime() + 1_801_000);
    expect((await link(plex, pin.code, DEMO_TOKENS.account)).status).toBe(404);
  });

  it("expires pins after pinLifetimeSeconds (short lifetimes for tests)", async () => {
    let now = FIXED_NOW;
    const plex = createDemoPlex({ now: () => now, pinLifetimeSeconds: 2 });
    const pin = await createPin(plex);
    expect(pin.expiresIn).toBe(2);
    expect(pin.expiresAt).toBe("2026-11-28T06:00:02Z");
    now = new Date(FIXED_NOW.getTime() + 2_000);
    const gone = await poll(plex, pin.id);
    expect(gone.status).toBe(404);
    expect((await gone.json()).errors[0].code).toBe(1020);
  });

  it("shares pins through storage: another instance (a popup, or the tab after a redirect) sees them", async () => {
    const storage = memoryStorage();
    const options = { now: () => FIXED_NOW, pinClaimAfterPolls: Number.POSITIVE_INFINITY, storage };
    const first = createDemoPlex(options);
    const pin = await createPin(first);
    const second = createDemoPlex(options); // what the page runs after a reload
    expect((await poll(second, pin.id)).status).toBe(200);

    // The browser auth page approves through the storage mailbox; the next poll anywhere claims the pin.
    storage.setItem(DEMO_APPROVALS_KEY, JSON.stringify(["NOT-A-CODE", pin.code]));
    expect((await (await poll(first, pin.id)).json()).authToken).toBe(DEMO_TOKENS.account);
    expect(storage.getItem(DEMO_APPROVALS_KEY)).toBeNull();
    expect((await (await poll(second, pin.id)).json()).authToken).toBe(DEMO_TOKENS.account);
  });

  it("ignores unreadable storage instead of failing", async () => {
    const storage = memoryStorage();
    storage.setItem("plex-demo.pins", "{not json");
    storage.setItem(DEMO_APPROVALS_KEY, "also not json");
    const plex = createDemoPlex({ now: () => FIXED_NOW, storage });
    const pin = await createPin(plex);
    expect((await poll(plex, pin.id)).status).toBe(200);
  });
});

describe("the demo auth page (GET /auth)", () => {
  it("serves an HTML page with Allow and Deny, a strict CSP and no secret but the demo's own", async () => {
    const response = await createDemoPlex().handle(new Request(`${DEMO_SERVER_URL}/auth`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<button id="allow" type="button">Allow</button>');
    expect(html).toContain('<button id="deny" type="button">Deny</button>');
    expect(html).toContain('fetch("/api/v2/pins/link"');
    expect(html).not.toContain("innerHTML");
  });

  it("renders the storage variant for a demo that lives in the browser", () => {
    const html = renderDemoAuthPage({ approveVia: "storage" });
    expect(html).toContain('"approveVia":"storage"');
    expect(html).toContain(DEMO_APPROVALS_KEY);
  });
});
