import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDemoPlex, DEMO_CLIENT_IDENTIFIER, DEMO_TOKENS } from "@plex/demo-plex";
import { startDemoPlexServer } from "@plex/demo-plex/node";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { build, createServer as createViteServer, preview } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, freePort, root } from "./support.js";

// Sign in with Plex in demo mode, in headless Chromium: the popup opens the demo's auth page (served by the
// playground's own server at /auth), Allow signs in, Deny leaves the wait to Cancel, and a blocked popup falls back
// to a redirect that the page resumes on its way back.

const PENDING_KEY = "plex-auth.pendingSignIn";

type Kind = "preview" | "dev";

/** Dev server, or a build into its own folder + `vite preview` (so the other e2e file's build is left alone). */
async function serve(kind: Kind): Promise<{ url: string; close(): Promise<void> }> {
  const port = await freePort();
  if (kind === "preview") {
    const outDir = mkdtempSync(join(tmpdir(), "plex-playground-signin-"));
    await build({ root, logLevel: "warn", build: { outDir, emptyOutDir: true } });
    const server = await preview({
      root,
      logLevel: "warn",
      build: { outDir },
      preview: { host: "127.0.0.1", port, strictPort: true },
    });
    return {
      url: `http://127.0.0.1:${port}/`,
      close: async () => {
        await server.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  }
  const server = await createViteServer({
    root,
    logLevel: "warn",
    server: { host: "127.0.0.1", port, strictPort: true },
  });
  await server.listen();
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});

function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point of an end-to-end check
  return locator.innerText();
}

describe.each([
  ["the dev server", "dev"],
  ["the built app (vite preview)", "preview"],
] as const)("Sign in with Plex in demo mode, %s, headless chromium", (_label, kind: Kind) => {
  let served: { url: string; close(): Promise<void> };
  let page: Page;
  const problems: string[] = [];

  const panel = () => page.locator('section[data-operation="sign-in-with-plex"]');

  async function open(target: Page): Promise<void> {
    target.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    target.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    await target.goto(served.url);
    await target.locator('.status[data-ready="true"]').waitFor({ timeout: 20_000 });
  }

  async function tokenDetails(target: Page): Promise<string> {
    const section = target.locator('section[data-operation="token-details"]');
    await section.getByRole("button", { name: "Get token details", exact: true }).click();
    const result = section.locator(".result");
    await result.waitFor();
    return visibleText(result);
  }

  beforeAll(async () => {
    served = await serve(kind);
    page = await browser.newPage();
    await open(page);
  }, 180_000);

  afterAll(async () => {
    await page?.close();
    await served?.close();
  });

  it("is the first panel, above password sign-in", async () => {
    const first = page.locator("section.panel").first();
    expect(await first.getAttribute("data-operation")).toBe("sign-in-with-plex");
    await expect.poll(() => first.getByRole("button", { name: "Sign in with Plex" }).isEnabled()).toBe(true);
  });

  it("opens the demo auth page in a popup; Allow signs in and Token details shows the account", async () => {
    await page.getByLabel("Demo token").selectOption({ label: "No token" });
    expect(await visibleText(page.locator(".token-state"))).toContain("none");

    const popupOpened = page.waitForEvent("popup");
    await panel().getByRole("button", { name: "Sign in with Plex", exact: true }).click();
    const popup = await popupOpened;
    await popup.waitForURL(/\/auth#\?clientID=plex-playground-/);
    expect(await visibleText(popup.locator("#product"))).toBe("Plex SDK Playground");
    expect((await visibleText(popup.locator("#code"))).length).toBe(25);
    await expect.poll(() => visibleText(panel())).toMatch(/The code expires in (29|30):\d\d/);
    expect(await panel().getByRole("button", { name: "Cancel" }).isVisible()).toBe(true);

    const closed = popup.waitForEvent("close");
    await popup.getByRole("button", { name: "Allow" }).click();
    await closed;

    await expect
      .poll(() => visibleText(panel().getByRole("status")), { timeout: 10_000 })
      .toContain("Signed in with Plex");
    expect(await visibleText(page.locator(".token-state"))).toContain("demo…4c1f");
    const details = await tokenDetails(page);
    expect(details).toContain("HTTP 200");
    expect(details).toContain('"demo-viewer"');
    expect(details).toMatch(/x-plex-token\s+demo…4c1f/);
    expect(details).not.toContain("demo-account-token-4c1f");
  });

  it("Deny leaves the PIN unclaimed; Cancel ends the wait", async () => {
    await page.getByLabel("Demo token").selectOption({ label: "No token" });
    const popupOpened = page.waitForEvent("popup");
    await panel().getByRole("button", { name: "Sign in with Plex", exact: true }).click();
    const popup = await popupOpened;
    await popup.waitForURL(/\/auth#\?/);
    const closed = popup.waitForEvent("close");
    await popup.getByRole("button", { name: "Deny" }).click();
    await closed;

    await new Promise((resolve) => setTimeout(resolve, 2_500)); // two more polls: still unclaimed
    expect(await visibleText(page.locator(".token-state"))).toContain("none");
    await panel().getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => visibleText(panel().getByRole("status"))).toBe("Sign-in cancelled.");
    expect(await panel().getByRole("button", { name: "Sign in with Plex", exact: true }).isEnabled()).toBe(
      true,
    );
    expect(await panel().getByRole("button", { name: "Cancel" }).isVisible()).toBe(false);
  });

  it("with the popup blocked: redirects to the auth page and back, and the page resumes signed in", async () => {
    const tab = await browser.newPage();
    await tab.addInitScript(() => {
      window.open = () => null; // what a popup blocker does
    });
    await open(tab);
    await tab.getByLabel("Demo token").selectOption({ label: "No token" });
    const signIn = tab.locator('section[data-operation="sign-in-with-plex"]');
    await signIn.getByRole("button", { name: "Sign in with Plex", exact: true }).click();

    await tab.waitForURL(/\/auth#\?clientID=/);
    const pending = JSON.parse(
      (await tab.evaluate((key) => sessionStorage.getItem(key), PENDING_KEY)) ?? "{}",
    );
    expect(pending).toMatchObject({ pinId: expect.any(Number), code: expect.any(String) });
    const forwardUrl = new URLSearchParams(new URL(tab.url()).hash.slice(2)).get("forwardUrl");
    expect(forwardUrl).toBe(served.url);
    expect(tab.url()).not.toContain(String(pending.pinId)); // the PIN travels in sessionStorage only

    await tab.getByRole("button", { name: "Allow" }).click();
    await tab.waitForURL(served.url);
    await tab.locator('.status[data-ready="true"]').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => visibleText(tab.locator(".status")), { timeout: 15_000 })
      .toContain("Signed in with Plex (after the redirect)");
    expect(await tab.evaluate((key) => sessionStorage.getItem(key), PENDING_KEY)).toBeNull();
    expect(await visibleText(tab.locator(".token-state"))).toContain("demo…4c1f");
    expect(await tokenDetails(tab)).toContain('"demo-viewer"');
    await tab.close();
  });

  it("TV style: shows a 4-character plex.tv/link code and signs in once it is entered", async () => {
    await page.getByLabel("Demo token").selectOption({ label: "No token" });
    await panel().getByRole("button", { name: "Show a plex.tv/link code (TV style)" }).click();
    const code = panel().locator(".tv-code .code");
    await code.waitFor();
    expect(await visibleText(code)).toMatch(/^[A-Z2-9]{4}$/);
    // The demo's plex.tv/link: the same auth page, opened in a new tab.
    const opened = page.waitForEvent("popup");
    await panel().getByRole("link", { name: "the demo's plex.tv/link" }).click();
    const link = await opened;
    expect(await visibleText(link.locator("#code"))).toBe(await visibleText(code));
    await link.getByRole("button", { name: "Allow" }).click();
    await expect
      .poll(() => visibleText(panel().getByRole("status")), { timeout: 10_000 })
      .toContain("Signed in with Plex");
    expect(await visibleText(page.locator(".token-state"))).toContain("demo…4c1f");
    await link.close().catch(() => {});
  });

  it("logged no errors in the console", () => {
    expect(problems).toEqual([]);
  });
});

describe("the node demo server's /auth page (what the tour and the tests reach), headless chromium", () => {
  it("approves through PUT /api/v2/pins/link when Allow is clicked, and Deny leaves the PIN alone", async () => {
    const server = await startDemoPlexServer({
      demo: createDemoPlex({ pinClaimAfterPolls: Number.POSITIVE_INFINITY }),
    });
    const tab = await browser.newPage();
    try {
      const headers = { Accept: "application/json", "X-Plex-Client-Identifier": DEMO_CLIENT_IDENTIFIER };
      const create = () =>
        fetch(`${server.plexTvURL}/pins?strong=true`, { method: "POST", headers }).then((r) => r.json());
      const poll = (id: number) => fetch(`${server.plexTvURL}/pins/${id}`, { headers }).then((r) => r.json());

      const denied = await create();
      await tab.goto(
        `${server.url}/auth#?clientID=c&code=${denied.code}&context[device][product]=Tour%20%26%20Co`,
      );
      expect(await visibleText(tab.locator("#product"))).toBe("Tour & Co");
      await tab.getByRole("button", { name: "Deny" }).click();
      await expect.poll(() => visibleText(tab.getByRole("status"))).toContain("Denied");
      expect((await poll(denied.id)).authToken).toBeNull();

      const allowed = await create();
      // A new document: the same URL with another fragment would not run the page again.
      await tab.goto("about:blank");
      await tab.goto(`${server.url}/auth#?clientID=c&code=${allowed.code}`);
      await tab.getByRole("button", { name: "Allow" }).click();
      await expect.poll(() => visibleText(tab.getByRole("status"))).toContain("Approved");
      expect((await poll(allowed.id)).authToken).toBe(DEMO_TOKENS.account);
    } finally {
      await tab.close();
      await server.close();
    }
  });
});
