import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEMO_SERVER, DEMO_TOKENS } from "@plex/demo-plex";
import { startDemoPlexServer } from "@plex/demo-plex/node";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { build, createServer as createViteServer, preview } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, freePort, root } from "./support.js";

const artifacts = fileURLToPath(new URL("../.artifacts/", import.meta.url));
type Kind = "preview" | "dev";

interface Served {
  url: string;
  close(): Promise<void>;
}

/** `vite build` + `vite preview` (what CI serves), or the dev server `pnpm playground` starts. */
async function serve(kind: Kind): Promise<Served> {
  const port = await freePort();
  if (kind === "preview") {
    await build({ root, logLevel: "warn" });
    const server = await preview({
      root,
      logLevel: "warn",
      preview: { host: "127.0.0.1", port, strictPort: true },
    });
    return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
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
let page: Page;
let url = "";
let consoleProblems: string[] = [];
const timings: Record<string, number> = {};

beforeAll(async () => {
  const started = performance.now();
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  timings.launch = performance.now() - started;
});

afterAll(async () => {
  await browser?.close();
  const rounded = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)]));
  console.info(`e2e timings (ms): ${JSON.stringify(rounded)}`);
});

/** What the user sees: collapsed tree nodes and closed details are left out, unlike textContent. */
function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point of an end-to-end check
  return locator.innerText();
}

function panel(operation: string): Locator {
  return page.locator(`section[data-operation="${operation}"]`);
}

/** Clicks the operation's button and waits for its result, returning the result's text. */
async function run(operation: string, action: string): Promise<Locator> {
  const section = panel(operation);
  await section.getByRole("button", { name: action, exact: true }).click();
  const result = section.locator(".result");
  await result.waitFor();
  return result;
}

describe.each([
  ["the built app (vite preview)", "preview"],
  ["the dev server (pnpm playground)", "dev"],
] as const)("playground in demo mode, %s, headless chromium", (_label, kind: Kind) => {
  let served: Served;
  const suiteStarted = performance.now();

  beforeAll(async () => {
    const started = performance.now();
    served = await serve(kind);
    url = served.url;
    consoleProblems = [];
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") {
        consoleProblems.push(`${message.type()}: ${message.text()}`);
      }
    });
    page.on("pageerror", (error) => consoleProblems.push(`pageerror: ${error.message}`));
    timings[`${kind}:serve`] = performance.now() - started;
  });

  afterAll(async () => {
    await page?.close();
    await served?.close();
    timings[`${kind}:total`] = performance.now() - suiteStarted;
  });

  it("loads with the demo Plex ready and a stable client identifier", async () => {
    await page.goto(url);
    await page.locator('.status[data-ready="true"]').waitFor({ timeout: 15_000 });
    const identifier = await page.locator(".identifier").textContent();
    expect(identifier).toMatch(/^plex-playground-[0-9a-f-]{36}$/);
    await page.reload();
    await page.locator('.status[data-ready="true"]').waitFor({ timeout: 15_000 });
    expect(await page.locator(".identifier").textContent()).toBe(identifier);
  });

  it("gets a transient token and shows the request as sent, token masked", async () => {
    const result = await run("transient-token", "Get transient token");
    expect(await result.getAttribute("data-outcome")).toBe("ok");
    const text = await visibleText(result);
    expect(text).toContain("HTTP 200");
    expect(text).toMatch(
      /(GET|POST) http:\/\/demo-plex\.local:32400\/security\/token\?type=delegation&scope=all/,
    );
    expect(text).toMatch(/x-plex-client-identifier\s+plex-playground-/);
    expect(text).toMatch(/x-plex-token\s+demo…4c1f/);
    expect(text).not.toContain("demo-account-token-4c1f");
    expect(text).toContain("tran…4a5b");
  });

  it("gets the source connection information as a collapsible tree", async () => {
    const result = await run("source-connection", "Get source connection information");
    const text = await visibleText(result);
    expect(text).toContain("HTTP 200");
    expect(text).toContain('"Demo Attic Server"');
    expect(text).toContain("Connection [4]");
    // Folding the Device node hides what is under it.
    await result
      .locator(".tree summary")
      .filter({ hasText: /^Device \{4\}$/ })
      .click();
    expect(await visibleText(result)).not.toContain('"Demo Attic Server"');
  });

  it("gets the token details", async () => {
    const text = await visibleText(await run("token-details", "Get token details"));
    expect(text).toContain("HTTP 200");
    expect(text).toContain('"demo-viewer"');
  });

  it.each([
    ["2FA, no code", "PlexTwoFactorRequiredError", "Plex code 1029", "6-digit code"],
    ["Wrong password", "PlexUnauthorizedError", "Plex code 1001", "login and password"],
    ["Rate limited", "PlexRateLimitError", "Plex code 1003", "wait a minute"],
    ["Locked out", "PlexUnauthorizedError", "Plex code 1031", "repeated failures"],
  ])("shows the typed error for the %s scenario", async (preset, className, code, advice) => {
    const section = panel("sign-in");
    await section.getByRole("button", { name: preset, exact: true }).click();
    const result = await run("sign-in", "Sign in");
    expect(await result.getAttribute("data-outcome")).toBe("error");
    const text = await visibleText(result);
    expect(text).toContain(className);
    expect(text).toContain(code);
    expect(text).toContain(advice);
    expect(text).toMatch(/password=••••/);
    expect(text).not.toContain("demo-password");
  });

  it("signs in with the 2FA code and hands the token to the other panels", async () => {
    await panel("sign-in").getByRole("button", { name: "2FA with code", exact: true }).click();
    const text = await visibleText(await run("sign-in", "Sign in"));
    expect(text).toContain("HTTP 201");
    // The 2FA account's own token (DEMO_TOKENS.signedInTwoFactor), which reads back as that account.
    expect(text).toContain("demo…c5d8");
    expect(await visibleText(page.locator(".token-state"))).toContain("demo…c5d8");
    const details = await visibleText(await run("token-details", "Get token details"));
    expect(details).toMatch(/x-plex-token\s+demo…c5d8/);
    expect(details).toContain('"demo-2fa-viewer"');
  });

  it("shows the revoked-token scenario (422) from the settings", async () => {
    await page.getByLabel("Demo token").selectOption({ label: "Revoked token (422)" });
    const text = await visibleText(await run("token-details", "Get token details"));
    expect(text).toContain("PlexUnauthorizedError");
    expect(text).toContain("HTTP 422");
    expect(text).toContain("sign in again");
    mkdirSync(artifacts, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${artifacts}playground-${kind}-1280x800.png` });
    await page.screenshot({ path: `${artifacts}playground-${kind}-1280-full.png`, fullPage: true });
  });

  it("fits a phone width without horizontal scrolling, results included", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${artifacts}playground-${kind}-390.png`, fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("runs live mode through the playground's proxy against a server the user entered", async () => {
    // A local demo server stands in for a real Plex: the page must reach it through /__plex-proxy.
    const plex = await startDemoPlexServer();
    try {
      await page.getByRole("radio", { name: /^Live/ }).check();
      await page.getByLabel("Server URL").fill(plex.serverURL);
      await page.getByLabel("Server URL").dispatchEvent("change");
      await page.getByLabel("Token (X-Plex-Token)").fill(DEMO_TOKENS.account);
      await page.getByLabel("Token (X-Plex-Token)").dispatchEvent("change");
      expect(await visibleText(page.locator(".token-state"))).toContain("demo…4c1f (in memory only)");
      expect(await page.getByLabel("Token (X-Plex-Token)").inputValue()).toBe("");
      const text = await visibleText(await run("transient-token", "Get transient token"));
      expect(text).toContain("HTTP 200");
      expect(text).toContain(`${plex.serverURL}/security/token`);
      expect(text).toContain("tran…4a5b");
      const source = panel("source-connection");
      expect(await source.getByLabel("Source").inputValue()).toBe("");
      await source.getByRole("button", { name: "Find from the server URL" }).click();
      await expect
        .poll(() => source.getByLabel("Source").inputValue())
        .toBe(`server://${DEMO_SERVER.clientIdentifier}`);
      const connections = await visibleText(
        await run("source-connection", "Get source connection information"),
      );
      expect(connections).toContain("HTTP 200");
      expect(connections).toContain("Connection [4]");
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    } finally {
      await plex.close();
      await page.getByRole("radio", { name: /^Demo/ }).check();
    }
  });

  it("logged no console errors or warnings beyond Chromium's own line per failed scenario", () => {
    // Chromium logs every non-2xx answer as "Failed to load resource", even one a service worker served.
    // Those five are the scenarios this test triggers on purpose (1029, 1001, 429, 1031, 422); anything
    // else, and any other message, is a real problem.
    const networkLines = consoleProblems.filter((line) => line.includes("Failed to load resource"));
    const others = consoleProblems.filter((line) => !line.includes("Failed to load resource"));
    expect(others).toEqual([]);
    expect(networkLines.map((line) => line.match(/status of (\d+)/)?.[1]).sort()).toEqual([
      "401",
      "401",
      "401",
      "422",
      "429",
    ]);
  });
});
