import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEMO_TOKENS, DEMO_TRANSIENT_TOKEN } from "@plex/demo-plex";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, freePort, type Served, serve } from "./support.js";

// Issue 15, a newcomer's first minutes: the guided order, one-line summaries, copying a token, connections open,
// the demo accounts consistent, and in live mode a bad or unreachable server URL shown as the SDK's typed error
// in every panel (never a panel stuck on "Running…").

const artifacts = fileURLToPath(new URL("../.artifacts/", import.meta.url));
let browser: Browser;
let context: BrowserContext;
let page: Page;
let served: Served;
const problems: string[] = [];

beforeAll(async () => {
  served = await serve("preview");
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: new URL(served.url).origin,
  });
  page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(served.url);
  await page.locator('.status[data-ready="true"]').waitFor({ timeout: 15_000 });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const panel = (operation: string): Locator => page.locator(`section[data-operation="${operation}"]`);
// biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point of an end-to-end check
const visible = (locator: Locator) => locator.innerText();

async function run(operation: string, action: string): Promise<Locator> {
  await panel(operation).getByRole("button", { name: action, exact: true }).click();
  const result = panel(operation).locator(".result");
  await result.waitFor();
  return result;
}

describe("demo mode: a guided first run", () => {
  it("starts with sign-in, then what the token can do", async () => {
    const order = await page
      .locator(".panels > .section-title, .panels > section[data-operation]")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-operation") ?? node.textContent));
    expect(order.slice(0, 4)).toEqual([
      "1 Start here: sign in",
      "sign-in-with-plex",
      "sign-in",
      "2 Then: what the token can do",
    ]);
    expect(order).toContain("token-details");
    expect(order.indexOf("token-details")).toBeGreaterThan(3);
    expect(await visible(page.locator(".status"))).toContain("Demo Plex ready");
  });

  it("signing in as the 2FA account, then Token details, shows that account; the token copies", async () => {
    await panel("sign-in").getByRole("button", { name: "2FA with code", exact: true }).click();
    const signedIn = await run("sign-in", "Sign in");
    expect(await visible(signedIn.locator(".summary"))).toContain(
      "Signed in as demo-2fa-viewer <2fa@example.com>",
    );
    await signedIn.getByRole("button", { name: "Copy token" }).click();
    await signedIn.getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(DEMO_TOKENS.signedInTwoFactor);
    // The token is copied, never shown.
    expect(await visible(signedIn)).not.toContain(DEMO_TOKENS.signedInTwoFactor);

    const details = await run("token-details", "Get token details");
    expect(await visible(details.locator(".summary"))).toBe(
      "This token belongs to demo-2fa-viewer <2fa@example.com>",
    );
    // Settings keeps a copy button for whichever token the panels now use.
    await page.evaluate(() => navigator.clipboard.writeText(""));
    await page.getByRole("button", { name: "Copy the current token" }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(DEMO_TOKENS.signedInTwoFactor);
  });

  it("summarises the transient token and the server, with its connections open", async () => {
    const transient = await run("transient-token", "Get transient token");
    expect(await visible(transient.locator(".summary"))).toContain("Transient token tran…4a5b");
    await transient.getByRole("button", { name: "Copy token" }).click();
    await transient.getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(DEMO_TRANSIENT_TOKEN);

    const source = await run("source-connection", "Get source connection information");
    expect(await visible(source.locator(".summary"))).toBe("1 server, 4 connections");
    const closed = await source
      .locator("details")
      .evaluateAll(
        (all) =>
          all
            .filter((details) =>
              /^(MediaContainer|Device|Connection|\d+)\b/.test(
                details.querySelector("summary")?.textContent ?? "",
              ),
            )
            .filter((details) => !(details as HTMLDetailsElement).open).length,
      );
    expect(closed).toBe(0);
    // Every connection's uri is on screen without a click.
    expect((await visible(source)).match(/uri: "https?:\/\//g)?.length).toBe(4);
    mkdirSync(artifacts, { recursive: true });
    await panel("source-connection").screenshot({ path: `${artifacts}newcomer-demo-source-summary.png` });
  });

  it("gives an input error its own advice and lists its issues once", async () => {
    const form = panel("sign-in");
    await form.getByLabel("Login (email or username)").fill("");
    await form.getByLabel("Password").fill("");
    await form.getByLabel("2FA code").fill("");
    const result = await run("sign-in", "Sign in");
    const text = await visible(result);
    expect(text).toContain("PlexInvalidRequestError");
    expect(text).toContain(
      "What to do: Nothing was sent: enter both the login (email or username) and the password.",
    );
    const issues = await result.locator(".issues li").allInnerTexts();
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(text.split(issue).length - 1, issue).toBe(1);
  });

  it("has no page errors", () => {
    expect(problems).toEqual([]);
  });
});

describe("live mode: a server URL the SDK refuses, or cannot reach", () => {
  it("the status line says live mode", async () => {
    await page.getByRole("radio", { name: /^Live/ }).check();
    const status = await visible(page.locator(".status"));
    expect(status).toContain("Live mode");
    expect(status).not.toContain("Demo Plex ready");
  });

  it("checks the URL as it is typed and suggests the fix", async () => {
    const field = page.getByLabel("Server URL");
    await field.fill("192.168.1.10:32400");
    const check = page.locator(".url-check");
    expect(await visible(check)).toContain("Did you mean http://192.168.1.10:32400?");
    await field.fill("ftp://nas.local:32400");
    expect(await visible(check)).toContain("a Plex server speaks http or https, not ftp");
    await field.fill("not a url");
    expect(await visible(check)).toContain('"not a url" is not a URL');
    await field.fill("192.168.1.10:32400");
    await field.dispatchEvent("change");
    await page.getByLabel("Token (X-Plex-Token)").fill("live-token-for-e2e");
    await page.getByLabel("Token (X-Plex-Token)").dispatchEvent("change");
  });

  it.each([
    ["transient-token", "Get transient token"],
    ["source-connection", "Get source connection information"],
    ["token-details", "Get token details"],
    ["sign-in", "Sign in"],
    ["home-users", "List Home users"],
    ["servers", "List servers"],
    ["token-check", "Check token"],
  ])("%s shows the typed error in place, never stuck on Running…", async (operation, action) => {
    const section = panel(operation);
    await section.getByRole("button", { name: action, exact: true }).click();
    await section.getByText("PlexInvalidRequestError").first().waitFor({ timeout: 10_000 });
    expect(await section.getByRole("button", { name: "Running…" }).count()).toBe(0);
    // The SDK's own message, whole: what was wrong and its suggestion, shown once.
    const text = await visible(section);
    const suggestion = 'did you mean "http://192.168.1.10:32400"?';
    expect(text).toContain(`serverURL "192.168.1.10:32400" is not an absolute URL: ${suggestion}`);
    expect(text.split(suggestion).length - 1).toBe(1);
  });

  it("the suggestion fixes the field in one click", async () => {
    await page.getByRole("button", { name: "Use http://192.168.1.10:32400" }).click();
    expect(await page.getByLabel("Server URL").inputValue()).toBe("http://192.168.1.10:32400");
    expect(await visible(page.locator(".url-check"))).toBe("");
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}newcomer-live-settings.png`, fullPage: false });
  });

  it("an unreachable server is the SDK's PlexConnectionError naming it, not the proxy's 502", async () => {
    const closed = await freePort();
    const field = page.getByLabel("Server URL");
    await field.fill(`http://127.0.0.1:${closed}`);
    await field.dispatchEvent("change");
    const result = await run("transient-token", "Get transient token");
    const text = await visible(result);
    expect(text).toContain("PlexConnectionError");
    expect(text).toContain(`The server 127.0.0.1:${closed} could not be reached`);
    expect(text).not.toContain("HTTP 502");
  });

  it("has no page errors", () => {
    expect(problems).toEqual([]);
  });
});
