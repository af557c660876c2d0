import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROXY_PATH, PROXY_SERVERS_PATH } from "../src/proxy-protocol.js";
import { CHROMIUM_ARGS, type Kind, root, type Served, serve } from "./support.js";

/**
 * The attacks of issue 14 on the live-mode proxy, in headless Chromium:
 * - a Plex server that answers with a redirect to another origin never gets the browser (or the proxy)
 *   to carry the token there;
 * - a page on another origin (another port of 127.0.0.1, or 127.0.0.2) can neither read workspace files
 *   through /@fs/ nor use the proxy.
 */

const LIVE_TOKEN = "live-e2e-token-5b9d0c7e";

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

interface Recorder {
  server: Server;
  origin: string;
  seen: Seen[];
}

async function recorder(
  host: string,
  answer: (url: string, res: import("node:http").ServerResponse) => void,
): Promise<Recorder> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    req.resume();
    req.on("end", () => answer(req.url ?? "", res));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, origin: `http://${host}:${(server.address() as AddressInfo).port}`, seen };
}

async function stop(recorded: Recorder | undefined): Promise<void> {
  if (recorded === undefined) return;
  recorded.server.closeAllConnections();
  await new Promise((resolve) => recorded.server.close(resolve));
}

let browser: Browser;
/** The second origin the hostile server redirects to: it must never see a request. */
let thief: Recorder;
/** A "Plex server" that redirects the transient-token call to the thief. */
let hostile: Recorder;
/** Pages on other origins: another port of 127.0.0.1, and 127.0.0.2. */
const attackers: Recorder[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  // As a real attacker would: approves every preflight, so a followed redirect delivers X-Plex-Token.
  const permissive = {
    "access-control-allow-origin": "*",
    "access-control-allow-headers": "*",
    "access-control-allow-methods": "*",
  };
  thief = await recorder("127.0.0.2", (_url, res) => {
    res.writeHead(200, { "content-type": "application/json", ...permissive });
    res.end(JSON.stringify({ MediaContainer: { size: 0, token: "attacker-controlled" } }));
  });
  hostile = await recorder("127.0.0.1", (url, res) => {
    res.writeHead(302, { location: `${thief.origin}/steal${url}` });
    res.end();
  });
  for (const host of ["127.0.0.1", "127.0.0.2"]) {
    attackers.push(
      await recorder(host, (_url, res) => {
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<!doctype html><title>another origin</title><p>attacker</p>");
      }),
    );
  }
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([stop(thief), stop(hostile), ...attackers.map(stop)]);
});

function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point of an end-to-end check
  return locator.innerText();
}

/** Every request any test server saw that carried the live token, outside the hostile server itself. */
function tokenSeenElsewhere(): Seen[] {
  return [thief, ...attackers].flatMap((r) => r.seen).filter((s) => JSON.stringify(s).includes(LIVE_TOKEN));
}

describe.each([
  ["the dev server (pnpm playground)", "dev"],
  ["the built app (vite preview)", "preview"],
] as const)("the live-mode proxy under attack, %s, headless chromium", (_label, kind: Kind) => {
  let served: Served;
  let page: Page;

  beforeAll(async () => {
    served = await serve(kind);
    page = await browser.newPage();
  });

  afterAll(async () => {
    await page?.close();
    await served?.close();
  });

  it("never lets a hostile redirect take the token to a second origin", async () => {
    thief.seen.length = 0;
    hostile.seen.length = 0;
    await page.goto(served.url);
    // The page re-renders its settings once the demo worker is up: fill them after that.
    await page.locator('.status[data-ready="true"]').waitFor({ timeout: 15_000 });
    await page.getByRole("radio", { name: /^Live/ }).check();
    await page.getByLabel("Server URL").fill(hostile.origin);
    await page.getByLabel("Server URL").dispatchEvent("change");
    await page.getByLabel("Token (X-Plex-Token)").fill(LIVE_TOKEN);
    await page.getByLabel("Token (X-Plex-Token)").dispatchEvent("change");
    const section = page.locator('section[data-operation="transient-token"]');
    await section.getByRole("button", { name: "Get transient token", exact: true }).click();
    const result = section.locator(".result");
    await result.waitFor();
    expect(await result.getAttribute("data-outcome")).toBe("error");
    const text = await visibleText(result);
    expect(text).toContain("PlexAPIError");
    expect(text).toContain(`Refused a redirect from ${hostile.origin} to another origin (${thief.origin})`);
    expect(text).not.toContain("attacker-controlled");
    expect(text).not.toContain(LIVE_TOKEN);
    // The request did go out, with the token, to the server the user entered, and only there.
    expect(hostile.seen).toHaveLength(1);
    expect(hostile.seen[0]!.headers["x-plex-token"]).toBe(LIVE_TOKEN);
    expect(thief.seen).toEqual([]);
    expect(tokenSeenElsewhere()).toEqual([]);
  });

  it.each([0, 1])("keeps the proxy closed to a page on another origin (attacker %i)", async (index) => {
    const attacker = attackers[index]!;
    hostile.seen.length = 0;
    const other = await browser.newPage();
    try {
      await other.goto(`${attacker.origin}/`);
      const outcome = await other.evaluate(
        async ({ base, proxyPath, serversPath, hostileOrigin, thiefOrigin }) => {
          const attempt = async (run: () => Promise<Response>) => {
            try {
              const response = await run();
              return response.type === "opaque" ? "opaque" : `read ${response.status}`;
            } catch (error) {
              return `rejected ${(error as Error).name}`;
            }
          };
          const target = `${hostileOrigin}/security/token?type=delegation&scope=all`;
          return {
            // The page holding the secret: cross-origin, it cannot be read.
            page: await attempt(() => fetch(base)),
            // With the proxy's headers: needs a preflight, which is refused.
            withHeaders: await attempt(() =>
              fetch(`${base}${proxyPath}`, {
                headers: {
                  "x-plex-playground-secret": "guessed",
                  "x-plex-playground-target": target,
                  "x-plex-token": "attacker",
                },
              }),
            ),
            // A "simple" request goes out without a preflight, but carries no secret and no target.
            simple: await attempt(() =>
              fetch(`${base}${proxyPath}`, { method: "POST", mode: "no-cors", body: target }),
            ),
            register: await attempt(() =>
              fetch(`${base}${serversPath}`, {
                method: "POST",
                mode: "no-cors",
                body: JSON.stringify({ url: thiefOrigin }),
              }),
            ),
          };
        },
        {
          base: served.url.replace(/\/$/, ""),
          proxyPath: PROXY_PATH,
          serversPath: PROXY_SERVERS_PATH,
          hostileOrigin: hostile.origin,
          thiefOrigin: thief.origin,
        },
      );
      expect(outcome).toEqual({
        page: "rejected TypeError",
        withHeaders: "rejected TypeError",
        simple: "opaque",
        register: "opaque",
      });
      // The hostile server is registered by the previous test: only the secret kept these out.
      expect(hostile.seen).toEqual([]);
      expect(thief.seen).toEqual([]);
      // And the playground's own page still uses it: the secret, not a broken proxy, made the difference.
      const own = await page.evaluate(async (proxyPath) => {
        const secret = document.querySelector<HTMLMetaElement>('meta[name="plex-playground-proxy-secret"]');
        const response = await fetch(proxyPath, {
          headers: { "x-plex-playground-secret": secret?.content ?? "", "x-plex-playground-target": "" },
        });
        return response.status;
      }, PROXY_PATH);
      expect(own).toBe(400);
    } finally {
      await other.close();
    }
  });

  // Only the dev server serves /@fs/ (preview serves dist/ alone).
  if (kind !== "dev") return;
  it.each([0, 1])(
    "does not let a page on another origin read workspace files through /@fs/ (attacker %i)",
    async (index) => {
      const file = `/@fs${root}package.json`;
      // The page itself can read it: the path is right, so a refusal below is the origin's doing.
      const own = await page.evaluate(async (path) => (await fetch(path)).status, file);
      expect(own).toBe(200);
      const other = await browser.newPage();
      try {
        await other.goto(`${attackers[index]!.origin}/`);
        const outcome = await other.evaluate(
          async (url) => {
            try {
              const response = await fetch(url);
              return `read ${response.status}: ${(await response.text()).slice(0, 40)}`;
            } catch (error) {
              return `rejected ${(error as Error).name}`;
            }
          },
          `${served.url.replace(/\/$/, "")}${file}`,
        );
        expect(outcome).toBe("rejected TypeError");
      } finally {
        await other.close();
      }
    },
  );
});
