import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEMO_PROBE_URIS, DEMO_SERVER, DEMO_SERVER_URL } from "@plex/demo-plex";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { build, preview } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, freePort, root } from "./support.js";

// The Servers, Best connection and Check token panels in the built app, demo mode: the msw worker answers plex.tv
// and every connection the demo lists (the demo server itself, a dead LAN address, a slow remote, a relay).

const artifacts = fileURLToPath(new URL("../.artifacts/", import.meta.url));
let browser: Browser;
let page: Page;
let close: () => Promise<void> = async () => {};
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
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('.status[data-ready="true"]').waitFor({ timeout: 15_000 });
});

afterAll(async () => {
  await browser?.close();
  await close();
});

const panel = (operation: string): Locator => page.locator(`section[data-operation="${operation}"]`);
// biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point of an end-to-end check
const visible = (locator: Locator) => locator.innerText();
const row = (uri: string) => panel("best-connection").locator(`tr[data-uri="${uri}"]`);

describe("servers panels in demo mode, headless chromium", () => {
  it("Servers lists owned and shared servers, presence, and each connection's kind and protocol", async () => {
    await panel("servers").getByRole("button", { name: "List servers", exact: true }).click();
    const owned = panel("servers").locator(`li[data-device="${DEMO_SERVER.clientIdentifier}"]`);
    await owned.waitFor();
    const ownedText = await visible(owned);
    expect(ownedText).toContain("Demo Attic Server");
    expect(await owned.locator('.device-title [data-badge="owned"]').count()).toBe(1);
    expect(await owned.locator('.device-title [data-badge="online"]').count()).toBe(1);
    for (const badge of ["local", "remote", "relay", "http", "https", "ipv6"]) {
      expect(await owned.locator(`.connections [data-badge="${badge}"]`).count(), badge).toBeGreaterThan(0);
    }
    expect(ownedText).toContain(DEMO_SERVER_URL);
    const all = await visible(panel("servers"));
    expect(all).toMatch(/2 servers, \d+ connections \(of 3 devices\)/);
    expect(all).toMatch(/Friend's Basement\s+shared\s+offline/);
    expect(all).toContain("No connections listed (not a server).");
  });

  it("Best connection fills the probe table and marks the demo server itself as the winner", async () => {
    const section = panel("best-connection");
    expect(await section.getByLabel("Server").inputValue()).toBe(DEMO_SERVER.clientIdentifier);
    await section.getByRole("button", { name: "Find best connection", exact: true }).click();
    await section.locator('.status-line[data-outcome="ok"]').waitFor({ timeout: 10_000 });

    expect(await row(DEMO_SERVER_URL).getAttribute("data-winner")).toBe("true");
    expect(await visible(row(DEMO_SERVER_URL))).toMatch(/\d+ ms★ best|\d+ ms\s*★ best/);
    expect(await row(DEMO_PROBE_URIS.unreachable).locator("[data-result]").getAttribute("data-result")).toBe(
      "unreachable",
    );
    expect(await row(DEMO_PROBE_URIS.slow).locator("[data-result]").getAttribute("data-result")).toBe(
      "cancelled",
    );
    // In order of preference: local https, local http, then remote, IPv6, relay.
    const order = await section
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-uri")));
    expect(order.slice(0, 3)).toEqual([DEMO_PROBE_URIS.unreachable, DEMO_SERVER_URL, DEMO_PROBE_URIS.slow]);
    expect(await section.locator("tbody tr").count()).toBe(5);
  });

  it('"Use this server" sends the server panels there with the server\'s own token', async () => {
    await panel("best-connection").getByRole("button", { name: "Use this server", exact: true }).click();
    const banner = page.locator(".connected-server");
    await banner.waitFor();
    expect(await banner.getAttribute("data-connected")).toBe(DEMO_SERVER_URL);

    const transient = panel("transient-token");
    await transient.getByRole("button", { name: "Get transient token", exact: true }).click();
    await transient.locator(".result").waitFor();
    const text = await visible(transient.locator(".result"));
    expect(text).toContain("HTTP 200");
    expect(text).toMatch(/x-plex-token\s+demo…5d09/);
    expect(text).not.toContain(DEMO_SERVER.accessToken);
    await banner.getByRole("button", { name: "Forget this server" }).click();
    expect(await page.locator(".connected-server").count()).toBe(0);
  });

  it("the offline shared server: every connection fails with its reason", async () => {
    await panel("servers").getByRole("button", { name: "List servers", exact: true }).click();
    await panel("servers").locator("li[data-device]").first().waitFor();
    const section = panel("best-connection");
    await section.getByLabel("Server").selectOption({ label: "Friend's Basement (shared)" });
    await section.getByRole("button", { name: "Find best connection", exact: true }).click();
    await section.locator('.status-line[data-outcome="error"]').waitFor({ timeout: 10_000 });
    expect(await visible(section.locator(".status-line"))).toContain("PlexConnectionError");
    expect(
      await row(DEMO_PROBE_URIS.sharedOffline).locator("[data-result]").getAttribute("data-result"),
    ).toBe("unreachable");
  });

  it("Check token: valid for the account, invalid for the revoked token, and ping", async () => {
    const section = panel("token-check");
    await section.getByRole("button", { name: "Check token", exact: true }).click();
    await section.locator('[data-verdict="valid"]').waitFor();
    expect(await visible(section.locator("[data-verdict]"))).toContain("signed in as demo-viewer");

    await section.getByRole("button", { name: "Ping (keep alive)" }).click();
    await section.locator('[data-ping="true"]').waitFor();

    await page.getByLabel("Demo token").selectOption({ label: "Revoked token (422)" });
    await panel("token-check").getByRole("button", { name: "Check token", exact: true }).click();
    await panel("token-check").locator('[data-verdict="invalid"]').waitFor();
    expect(await visible(panel("token-check").locator("[data-verdict]"))).toContain("HTTP 422");
    mkdirSync(artifacts, { recursive: true });
    await panel("best-connection").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${artifacts}servers-panels-1280x900.png`, fullPage: true });
    expect(problems).toEqual([]);
  });
});
