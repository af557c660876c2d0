// Runs the root README example, then the JWT device-key flow, from the npm-installed tarballs in Bun, Deno and Cloudflare workerd, against the demo
// Plex served from this process: the published packages promise "fetch only, no node:", and this is where that promise
// is checked outside Node. The runtimes are registry packages pinned in runtimes.json (linux-x64 builds only), installed
// by install-runtimes.mjs rather than `pnpm install`: without them the suite is skipped and says why, except in CI
// (PLEX_REQUIRE_RUNTIMES=1), where it must run. Each test records its outcome for the README's runtime table.
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { promisify } from "node:util";
import { createDemoPlex, DEMO_ACCOUNTS, DEMO_TOKENS, DEMO_TRANSIENT_TOKEN } from "@plex/demo-plex";
import { type DemoPlexServer, startDemoPlexServer } from "@plex/demo-plex/node";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { build as viteBuild } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordRuntimeResult } from "../lib/runtime-results.mjs";
import { findRuntimes, runtimeVersions } from "../lib/runtimes.mjs";
import { type InstalledTarballs, installTarballs } from "./support/install-tarballs.js";
import { startWorkerd } from "./support/start-workerd.js";

const run = promisify(execFile);
const runtimes = findRuntimes();
if (runtimes.missing && process.env.PLEX_REQUIRE_RUNTIMES === "1")
  throw new Error(`PLEX_REQUIRE_RUNTIMES=1 but the runtime test cannot run: ${runtimes.missing}`);
const binaries = runtimes.binaries ?? { bun: "", deno: "", workerd: "" };
// Debian's chromium, never a downloaded browser; the flags that work on these machines (see ../shared/TOOLCHAIN.md).
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const chromiumMissing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not found (apt-get install chromium)`;
if (chromiumMissing && process.env.PLEX_REQUIRE_RUNTIMES === "1")
  throw new Error(`PLEX_REQUIRE_RUNTIMES=1 but the Chromium test cannot run: ${chromiumMissing}`);
/** Where the demo server serves the Vite-built page: same origin as the demo Plex, so no CORS is involved. */
const PAGE_PATH = "/__page/";
const CONTENT_TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript" };
const appSources = new URL("./support/runtime-app/", import.meta.url);

let installed: InstalledTarballs;
let server: DemoPlexServer;

/** The demo Plex, plus the built page under PAGE_PATH (files of `app/dist`, nothing else). */
function demoWithPage() {
  const demo = createDemoPlex();
  const handle = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(PAGE_PATH)) return demo.handle(request);
    const dist = join(installed.app, "dist");
    const file = normalize(join(dist, pathname.slice(PAGE_PATH.length) || "index.html"));
    if (!file.startsWith(dist) || !existsSync(file)) return new Response("not found", { status: 404 });
    return new Response(readFileSync(file), {
      headers: { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" },
    });
  };
  return { ...demo, handle };
}

beforeAll(async () => {
  if (runtimes.missing && chromiumMissing) return;
  server = await startDemoPlexServer({ host: "127.0.0.1", port: 0, demo: demoWithPage() });
  installed = installTarballs("plex-runtimes-");
  for (const file of readdirSync(appSources))
    copyFileSync(new URL(file, appSources), join(installed.app, file));
});

afterAll(async () => {
  await server?.close();
  installed?.remove();
});

function flowInput() {
  return {
    plexTvURL: server.plexTvURL,
    serverURL: server.serverURL,
    login: DEMO_ACCOUNTS.plain.login,
    password: DEMO_ACCOUNTS.plain.password,
    revokedToken: DEMO_TOKENS.revoked,
  };
}

function expectFlowResult(result: unknown, userAgent: RegExp) {
  expect(result).toEqual({
    userAgent: expect.stringMatching(userAgent),
    signInStatus: 201,
    username: server.demo.data.users.plain.username,
    transientTokenLength: DEMO_TRANSIENT_TOKEN.length,
    reparsed: true,
    client: "function",
    typedError: "PlexUnauthorizedError",
    // Decoded from the demo's XML answer: the lazily loaded XML decoder works in this runtime too.
    plexErrorMessages: ["Invalid token"],
    // Device keys and Plex JWTs on this runtime's own WebCrypto Ed25519.
    jwt: {
      kidIsThumbprint: true,
      jsonHidesPrivateKey: true,
      validDays: 7,
      verified: true,
      tampered: "PlexInvalidJwtError:signature",
      algNone: "PlexInvalidJwtError:alg",
      foreignKid: "PlexInvalidJwtError:kid",
      providerUsername: server.demo.data.users.plain.username,
    },
  });
}

/** Runs `cli.mjs` asynchronously: the demo server lives in this process and must keep answering meanwhile. */
async function runCli(command: string, args: string[], env: Record<string, string> = {}) {
  const { stdout } = await run(command, [...args, "cli.mjs"], {
    cwd: installed.app,
    encoding: "utf8",
    env: { ...process.env, ...env, PLEX_FLOW_INPUT: JSON.stringify(flowInput()) },
  });
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}");
}

describe.skipIf(runtimes.missing !== undefined)(
  runtimes.missing
    ? `other runtimes skipped: ${runtimes.missing}`
    : "the README example from the npm-installed tarballs in other runtimes",
  () => {
    it("runs in Bun", async () => {
      // --no-install: resolve from the npm-made node_modules only, never Bun's auto-install from the registry.
      recordRuntimeResult("bun", runtimeVersions.bun, false);
      expectFlowResult(await runCli(binaries.bun, ["--no-install"]), /^Bun\/1\.4\.4$/);
      recordRuntimeResult("bun", runtimeVersions.bun, true);
    });

    it("runs in Deno", async () => {
      recordRuntimeResult("deno", runtimeVersions.deno, false);
      const denoDir = join(installed.folder, "deno-dir");
      mkdirSync(denoDir, { recursive: true });
      const result = await runCli(
        binaries.deno,
        [
          "run",
          // Offline: use the node_modules npm wrote (manual) and never fetch from npm, jsr or deno.land.
          "--cached-only",
          "--node-modules-dir=manual",
          "--allow-net=127.0.0.1",
          "--allow-env=PLEX_FLOW_INPUT",
          `--allow-read=${installed.app}`,
        ],
        { DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
      );
      expectFlowResult(result, /^Deno\/2\.9\.6$/);
      recordRuntimeResult("deno", runtimeVersions.deno, true);
    });

    it("runs in Cloudflare workerd as one bundled ES module worker", async () => {
      recordRuntimeResult("workerd", runtimeVersions.workerd, false);
      // One file, as a Worker is deployed: esbuild inlines the dynamically imported XML decoder.
      await build({
        entryPoints: [join(installed.app, "worker.mjs")],
        outfile: join(installed.app, "worker.bundle.js"),
        bundle: true,
        format: "esm",
        platform: "browser",
        conditions: ["workerd", "worker", "browser"],
        logLevel: "warning",
      });
      const worker = await startWorkerd(binaries.workerd, "workerd.capnp", installed.app);
      try {
        const response = await fetch(worker.url, { method: "POST", body: JSON.stringify(flowInput()) });
        const body = await response.text();
        expect(response.status, body).toBe(200);
        expectFlowResult(JSON.parse(body), /^Cloudflare-Workers$/);
        recordRuntimeResult("workerd", runtimeVersions.workerd, true);
      } finally {
        await worker.close();
      }
    });
  },
);

describe.skipIf(chromiumMissing !== undefined)(
  chromiumMissing
    ? `Chromium skipped: ${chromiumMissing}`
    : "the README example from the npm-installed tarballs in Chromium",
  () => {
    it("runs in headless Chromium as a page bundled by Vite", async () => {
      // Bundled as an app would: Vite resolves @plex/auth from the npm-made node_modules with its browser conditions.
      await viteBuild({
        root: installed.app,
        base: PAGE_PATH,
        logLevel: "warn",
        configFile: false,
        build: { outDir: join(installed.app, "dist"), emptyOutDir: true },
      });
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      try {
        recordRuntimeResult("chromium", browser.version(), false);
        const page = await browser.newPage();
        await page.goto(
          `${server.url}${PAGE_PATH}index.html#${encodeURIComponent(JSON.stringify(flowInput()))}`,
        );
        const outcome = await page.evaluate(
          () => (globalThis as { flowResult?: Promise<unknown> }).flowResult,
        );
        expect(outcome).not.toHaveProperty("error");
        expectFlowResult((outcome as { result: unknown }).result, /HeadlessChrome\//);
        recordRuntimeResult("chromium", browser.version(), true);
      } finally {
        await browser.close();
      }
    });
  },
);
