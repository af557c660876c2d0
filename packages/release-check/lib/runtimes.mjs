// Where the runtime test finds Bun, Deno and workerd: installed by install-runtimes.mjs, never by `pnpm install`.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("../", import.meta.url));

export function runtimesDir() {
  return resolve(process.env.PLEX_RUNTIMES_DIR || join(packageDir, ".runtimes"));
}

const pins = JSON.parse(readFileSync(join(packageDir, "runtimes.json"), "utf8")).packages;

const BINARIES = {
  bun: { pkg: "@oven/bun-linux-x64", path: "bin/bun" },
  deno: { pkg: "@deno/linux-x64-glibc", path: "deno" },
  workerd: { pkg: "@cloudflare/workerd-linux-64", path: "bin/workerd" },
};

/** The pinned version of each runtime, by short name (`bun`, `deno`, `workerd`). */
/** @type {{ bun: string; deno: string; workerd: string }} */
export const runtimeVersions = /** @type {any} */ (
  Object.fromEntries(Object.entries(BINARIES).map(([name, { pkg }]) => [name, pins[pkg]]))
);

/**
 * Paths of the three binaries at their pinned versions, or the reason they cannot run here.
 * @returns {{ binaries: { bun: string; deno: string; workerd: string }; missing?: undefined } | { binaries?: undefined; missing: string }}
 */
export function findRuntimes() {
  if (process.platform !== "linux" || process.arch !== "x64")
    return {
      missing: `the pinned runtime binaries are linux-x64 builds, this is ${process.platform}-${process.arch}`,
    };
  const dir = runtimesDir();
  /** @type {Record<string, string>} */
  const found = {};
  for (const [name, { pkg, path }] of Object.entries(BINARIES)) {
    const manifest = join(dir, "node_modules", pkg, "package.json");
    const version = existsSync(manifest) ? JSON.parse(readFileSync(manifest, "utf8")).version : undefined;
    if (version !== pins[pkg])
      return {
        missing: `${pkg}@${pins[pkg]} is not installed in ${dir} (found ${version ?? "nothing"}): run \`pnpm --filter @plex/release-check runtimes:install\``,
      };
    found[name] = join(dir, "node_modules", pkg, path);
  }
  return { binaries: /** @type {{ bun: string; deno: string; workerd: string }} */ (found) };
}
