// `npx @plex/cli login` as a user meets it: the packed tarballs (models, core, auth, cli) installed with plain npm into
// an empty folder, then the bin run through npx (never the registry: --no; "--" so npx keeps no flag for itself) against the demo Plex node server.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createDemoPlex, DEMO_TOKENS } from "@plex/demo-plex";
import { type DemoPlexServer, startDemoPlexServer } from "@plex/demo-plex/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InstalledTarballs, installTarballs } from "./support/install-tarballs.js";

const run = promisify(execFile);
let install: InstalledTarballs;
let server: DemoPlexServer;
let configHome: string;

beforeAll(async () => {
  server = await startDemoPlexServer({
    host: "127.0.0.1",
    port: 0,
    demo: createDemoPlex({ pinClaimAfterPolls: 2 }),
  });
  install = installTarballs("plex-cli-install-");
  configHome = mkdtempSync(join(tmpdir(), "plex-cli-npx-"));
});

afterAll(async () => {
  await server?.close();
  install?.remove();
  if (configHome) rmSync(configHome, { recursive: true, force: true });
});

/** Asynchronous: the demo server lives in this process and must keep answering while npx runs. */
function npx(args: string[]) {
  return run("npx", ["--no", "--", ...args], {
    cwd: install.app,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "",
      HOME: configHome,
      XDG_CONFIG_HOME: configHome,
      PLEX_TV_URL: server.plexTvURL,
      PLEX_AUTH_POLL_INTERVAL_MS: "200",
      npm_config_cache: join(configHome, ".npm"),
      npm_config_update_notifier: "false",
    },
  });
}

describe("@plex/cli from the packed tarball", () => {
  it("installs with its bin and only small dependencies", () => {
    const cli = JSON.parse(readFileSync(join(install.app, "node_modules/@plex/cli/package.json"), "utf8"));
    expect(cli.bin).toEqual({ "plex-auth": "./dist/index.js" });
    expect(Object.keys(cli.dependencies).sort()).toEqual(["@plex/auth", "uqr"]);
    expect(cli.dependencies["@plex/auth"]).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(statSync(join(install.app, "node_modules/@plex/cli/dist/index.js")).mode & 0o111).not.toBe(0);
  });

  it("npx @plex/cli --help prints the commands", async () => {
    const { stdout } = await npx(["@plex/cli", "--help"]);
    expect(stdout).toContain("Usage: plex-auth <command> [options]");
  });

  it("npx @plex/cli login takes a user from nothing to a stored token; plex-auth token prints it", async () => {
    const login = await npx(["@plex/cli", "login"]);
    expect(login.stderr).toContain("https://plex.tv/link");
    expect(login.stdout).toMatch(/^Signed in as demo-viewer\. Token stored in .*config\.json\.\n$/);
    const config = join(configHome, "plex-auth", "config.json");
    expect(statSync(config).mode & 0o777).toBe(0o600);
    const token = await npx(["plex-auth", "token"]);
    expect(token.stdout).toBe(`${DEMO_TOKENS.account}\n`);
  });
});
