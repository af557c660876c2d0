import { DEMO_HOME } from "@plex/demo-plex";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { build, preview } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, freePort, root } from "./support.js";

// The Device key (JWT) and Plex Home panels in the built app, demo mode, headless Chromium.

let browser: Browser;
let page: Page;
let close: () => Promise<void>;
const problems: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  await build({ root, logLevel: "warn" });
  const server = await preview({
    root,
    logLevel: "warn",
    preview: { host: "127.0.0.1", port, strictPort: true },
  });
  close = () => server.close();
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().includes("Failed to load resource")) {
      problems.push(message.text());
    }
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('.status[data-ready="true"]').waitFor({ timeout: 15_000 });
});

afterAll(async () => {
  await browser?.close();
  await close?.();
});

function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point of an end-to-end check
  return locator.innerText();
}

const panel = (id: string) => page.locator(`section[data-operation="${id}"]`);

async function click(id: string, name: string): Promise<string> {
  const section = panel(id);
  // Mark the previous result so the wait below is for the new one.
  await section.locator(".result").evaluateAll((elements) => {
    for (const element of elements) element.setAttribute("data-stale", "");
  });
  await section.getByRole("button", { name, exact: true }).click();
  const fresh = section.locator(".result:not([data-stale])");
  await fresh.waitFor();
  return visibleText(fresh);
}

describe("Plex Home panels", () => {
  it("lists the Home: admin, PIN-protected member and managed user", async () => {
    const text = await click("home-users", "List Home users");
    expect(text).toContain("HTTP 200");
    for (const name of ['"demo-viewer"', '"Robin"', '"Kids"', '"little_kid"']) expect(text).toContain(name);
  });

  it("a wrong PIN is the typed 1041 error and the PIN never shows", async () => {
    await panel("home-switch").getByRole("button", { name: "Member, wrong PIN", exact: true }).click();
    const text = await click("home-switch", "Switch Home user");
    expect(text).toContain("PlexHomePinRequiredError");
    expect(text).toContain("Plex code 1041");
    expect(text).toContain("HTTP 403");
    expect(text).toContain(`/home/users/${DEMO_HOME.memberUuid}/switch`);
    expect(text).not.toMatch(/pin=0000/);
  });

  it("the right PIN switches: the member's token comes back masked", async () => {
    await panel("home-switch").getByRole("button", { name: "Member, right PIN", exact: true }).click();
    const text = await click("home-switch", "Switch Home user");
    expect(text).toContain("HTTP 201");
    expect(text).toContain('"Robin"');
    expect(text).toContain("demo…3e81");
    expect(text).not.toContain("demo-home-member-token-3e81");
    expect(text).not.toContain(`pin=${DEMO_HOME.memberPin}`);
  });
});

describe("Device key (JWT) panel", () => {
  it("refuses to register before a key exists", async () => {
    const text = await click("device-key-jwt", "Register device key");
    expect(text).toContain("Generate a device key first");
  });

  it("generate → register → refresh → verify, with decoded claims and time to expiry", async () => {
    const generated = await click("device-key-jwt", "Generate device key");
    const kid = /kid ([A-Za-z0-9_-]{43})/.exec(generated)?.[1];
    expect(kid).toBeDefined();

    expect(await click("device-key-jwt", "Register device key")).toContain("Registered");
    expect(await click("device-key-jwt", "Register device key")).toContain("PlexDeviceKeyTakenError");

    const refreshed = await click("device-key-jwt", "Refresh JWT");
    expect(refreshed).toMatch(/Plex JWT eyJ\w…\S{4}, expires in (6 d 23 h|7 d 0 h)/);
    expect(refreshed).toContain("clients.plex.tv/api/v2/auth/token");

    const verified = await click("device-key-jwt", "Verify JWT");
    expect(verified).toContain("Verified");
    expect(verified).toContain('"plex.tv"');
    expect(verified).toContain(`"${kid}"`);
    expect(verified).toMatch(/expires in (6 d 23 h|7 d 0 h)/);
  });

  it("fits a phone width and logged no page errors", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("section *")]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((element) => `${element.tagName}.${element.className}`),
    );
    expect(wide).toEqual([]);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });
});
