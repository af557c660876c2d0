// Runs the root README example, then the JWT device-key flow, from the npm-installed tarballs in Bun, Deno and Cloudflare workerd, against the demo
// Plex served from this process: the published packages promise "fetch only, no node:", and this is where that promise
// is checked outside Node. The runtimes are registry packages pinned in package.json (linux-x64 builds only).
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { DEMO_ACCOUNTS, DEMO_TOKENS, DEMO_TRANSIENT_TOKEN } from "@plex/demo-plex";
import { type DemoPlexServer, startDemoPlexServer } from "@plex/demo-plex/node";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InstalledTarballs, installTarballs } from "./support/install-tarballs.js";
import { startWorkerd } from "./support/start-workerd.js";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const binary = (pkg: string, path: string) => join(dirname(require.resolve(`${pkg}/package.json`)), path);
const bun = () => binary("@oven/bun-linux-x64", "bin/bun");
const deno = () => binary("@deno/linux-x64-glibc", "deno");
const workerd = () => binary("@cloudflare/workerd-linux-64", "bin/workerd");
const appSources = new URL("./support/runtime-app/", import.meta.url);

let installed: InstalledTarballs;
let server: DemoPlexServer;

beforeAll(async () => {
  server = await startDemoPlexServer({ host: "127.0.0.1", port: 0 });
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

describe.skipIf(process.platform !== "linux" || process.arch !== "x64")(
  "the README example from the npm-installed tarballs in other runtimes",
  () => {
    it("runs in Bun", async () => {
      // --no-install: resolve from the npm-made node_modules only, never Bun's auto-install from the registry.
      expectFlowResult(await runCli(bun(), ["--no-install"]), /^Bun\/1\.4\.4$/);
    });

    it("runs in Deno", async () => {
      const denoDir = join(installed.folder, "deno-dir");
      mkdirSync(denoDir, { recursive: true });
      const result = await runCli(
        deno(),
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
    });

    it("runs in Cloudflare workerd as one bundled ES module worker", async () => {
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
      const worker = await startWorkerd(workerd(), "workerd.capnp", installed.app);
      try {
        const response = await fetch(worker.url, { method: "POST", body: JSON.stringify(flowInput()) });
        const body = await response.text();
        expect(response.status, body).toBe(200);
        expectFlowResult(JSON.parse(body), /^Cloudflare-Workers$/);
      } finally {
        await worker.close();
      }
    });
  },
);
