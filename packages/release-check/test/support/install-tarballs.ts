// Packs the publishable packages and installs the tarballs with plain npm into an empty folder (no workspace, no
// pnpm): what a user gets from `npm i @plex/auth`, not what the monorepo links together. Shared by every test that runs
// code against that install, in Node or in another runtime.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packAll } from "../../lib/pack.mjs";

export interface InstalledTarballs {
  /** Temporary root holding `tarballs/` and `app/`. */
  readonly folder: string;
  /** The user's project: `package.json`, `package-lock.json`, `node_modules/`. */
  readonly app: string;
  remove(): void;
}

export function installTarballs(prefix = "plex-install-"): InstalledTarballs {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  const { tarballs } = packAll(join(folder, "tarballs"));
  const app = join(folder, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true }));
  execFileSync(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      "--loglevel=error",
      ...Object.values(tarballs),
    ],
    { cwd: app, stdio: ["ignore", "pipe", "pipe"] },
  );
  return { folder, app, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
