// Packs the publishable packages exactly as `pnpm publish` would (workspace: ranges rewritten to real versions),
// so every check below runs on what users will download, not on the source tree.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The packages we publish, in dependency order. */
export const publishable = [
  { name: "@plex/models", dir: "packages/models" },
  { name: "@plex/core", dir: "packages/core" },
  { name: "@plex/auth", dir: "packages/auth" },
  { name: "@plex/cli", dir: "packages/cli" },
];

/** Packs every publishable package into a fresh folder and returns the tarball paths keyed by package name. */
export function packAll(destination = mkdtempSync(join(tmpdir(), "plex-pack-"))) {
  mkdirSync(destination, { recursive: true });
  const tarballs = {};
  for (const pkg of publishable) {
    const before = new Set(readdirSync(destination));
    execFileSync("pnpm", ["pack", "--pack-destination", destination], {
      cwd: join(repoRoot, pkg.dir),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const created = readdirSync(destination).find((file) => file.endsWith(".tgz") && !before.has(file));
    if (!created) throw new Error(`pnpm pack wrote no tarball for ${pkg.name}`);
    tarballs[pkg.name] = join(destination, created);
  }
  return { destination, tarballs };
}
