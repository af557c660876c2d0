import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer, preview } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROXY_PATH, PROXY_SECRET_META, PROXY_SERVERS_PATH } from "../src/proxy-protocol.js";

/**
 * The dev server and `vite preview` as configured in vite.config.ts, probed over HTTP the way a page on
 * another localhost port would (an `Origin` that is not the server's own). The browser side of the same
 * attacks is e2e/proxy-attacks.e2e.test.ts.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const FOREIGN = "http://127.0.0.1:1";
// Files the deny list must hide, in git-ignored folders inside the workspace (so only the deny list hides them),
// beside one it must not hide (so a refusal is the deny list's doing, not a wrong path).
const probeDir = join(root, "coverage/plex-fs-probe");
const cacheDir = join(root, "node_modules/.cache/plex-fs-probe");
const DENIED = [".env", ".env.local", ".git", "server.key", "cert.pem", "id_ed25519", ".npmrc"];

interface Running {
  base: string;
  close(): Promise<void>;
}

async function startDev(): Promise<Running> {
  const server = await createServer({ root, logLevel: "silent", server: { port: 0, strictPort: false } });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return { base: `http://127.0.0.1:${port}`, close: () => server.close() };
}

function secretIn(html: string): string | undefined {
  return html.match(new RegExp(`<meta name="${PROXY_SECRET_META}" content="([^"]+)"`))?.[1];
}

let dev: Running;

beforeAll(async () => {
  mkdirSync(probeDir, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(probeDir, "allowed.txt"), "allowed-probe");
  for (const name of DENIED) writeFileSync(join(probeDir, name), "secret-probe");
  writeFileSync(join(cacheDir, "cached.txt"), "secret-probe");
  dev = await startDev();
}, 60_000);

afterAll(async () => {
  await dev?.close();
  rmSync(probeDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

describe("the dev server (pnpm playground)", () => {
  it("writes a per-run proxy secret into the page", async () => {
    const secret = secretIn(await (await fetch(`${dev.base}/`)).text());
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await startDev();
    try {
      expect(secretIn(await (await fetch(`${again.base}/`)).text())).not.toBe(secret);
    } finally {
      await again.close();
    }
  }, 60_000);

  it("gives another origin no CORS header on /@fs/ files (so its page cannot read them)", async () => {
    const response = await fetch(`${dev.base}/@fs${root}package.json`, { headers: { origin: FOREIGN } });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${dev.base}/@fs${root}package.json`, {
      method: "OPTIONS",
      headers: { origin: FOREIGN, "access-control-request-method": "GET" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("serves workspace files to its own page but denies secrets and caches", async () => {
    const allowed = await fetch(`${dev.base}/@fs${probeDir}/allowed.txt`);
    expect(await allowed.text()).toContain("allowed-probe");
    for (const path of [...DENIED.map((name) => `${probeDir}/${name}`), `${cacheDir}/cached.txt`]) {
      const response = await fetch(`${dev.base}/@fs${path}`);
      expect(response.status, path).toBe(403);
      expect(await response.text()).not.toContain("secret-probe");
    }
  });

  it.each([PROXY_PATH, PROXY_SERVERS_PATH])("lets the proxy refuse preflights on %s itself", async (path) => {
    const response = await fetch(`${dev.base}${path}`, {
      method: "OPTIONS",
      headers: {
        origin: FOREIGN,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-plex-playground-secret",
      },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect((await response.json()).errors[0].message).toBe(
      "Playground proxy: preflight requests are not approved",
    );
  });

  it("refuses a proxy call without the secret", async () => {
    const response = await fetch(`${dev.base}${PROXY_PATH}`, {
      headers: { "x-plex-playground-target": "https://plex.tv/api/v2/user" },
    });
    expect(response.status).toBe(403);
  });
});

describe("vite preview (the built app)", () => {
  let outDir: string;
  let running: Running;

  beforeAll(async () => {
    // A stand-in build: only how preview serves index.html and the proxy is under test here.
    outDir = mkdtempSync(join(tmpdir(), "plex-preview-"));
    writeFileSync(
      join(outDir, "index.html"),
      "<!doctype html><html><head><title>t</title></head><body></body></html>",
    );
    const server = await preview({
      root,
      logLevel: "silent",
      build: { outDir },
      preview: { port: 0, strictPort: false },
    });
    const address = server.httpServer.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    running = { base: `http://127.0.0.1:${port}`, close: () => server.close() };
  }, 60_000);

  afterAll(async () => {
    await running?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it("writes the run's secret into the page it serves, for / and /index.html", async () => {
    const first = secretIn(await (await fetch(`${running.base}/`)).text());
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secretIn(await (await fetch(`${running.base}/index.html`)).text())).toBe(first);
  });

  it("sends no CORS headers and lets the proxy refuse preflights", async () => {
    const page = await fetch(`${running.base}/`, { headers: { origin: FOREIGN } });
    expect(page.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${running.base}${PROXY_PATH}`, {
      method: "OPTIONS",
      headers: { origin: FOREIGN, "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });
});
