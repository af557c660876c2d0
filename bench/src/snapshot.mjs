// Copies the built dist of @plex/models, core and auth into a temporary node_modules, once, at the
// start of `pnpm bench`. Every measurement then sees the same build, even while other engineers
// rebuild packages/*/dist in this checkout (tsup empties dist first, which broke runs midway).
// Third-party dependencies are linked, not copied: they do not change during a run.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PACKAGES_DIR = fileURLToPath(new URL("../../packages/", import.meta.url));
export const OUR_PACKAGES = ["models", "core", "auth"];

/**
 * Loads one of our packages' ESM entry, typed by the package's own declarations.
 * @typedef {<N extends "@plex/auth" | "@plex/core" | "@plex/models">(name: N) => Promise<
 *   N extends "@plex/auth" ? typeof import("@plex/auth") :
 *   N extends "@plex/core" ? typeof import("@plex/core") : typeof import("@plex/models")>} ImportOurs
 */

/** @type {ImportOurs} The workspace packages as bench/ resolves them (used without a snapshot). */
export const importFromWorkspace = (name) => import(name);

/**
 * @returns {{ dir: string; importOurs: ImportOurs; cleanup: () => void }}
 * `dir` holds node_modules/ with our packages: use it as cwd or resolveDir to resolve them.
 */
export function snapshotOurPackages() {
  const dir = mkdtempSync(join(tmpdir(), "plex-bench-"));
  const modules = join(dir, "node_modules");
  const linked = new Map();
  for (const name of OUR_PACKAGES) {
    const source = join(PACKAGES_DIR, name);
    const target = join(modules, "@plex", name);
    if (!existsSync(join(source, "dist"))) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(
        `@plex/${name} has no dist: build it with \`pnpm turbo run build --filter=@plex/bench^...\``,
      );
    }
    mkdirSync(target, { recursive: true });
    cpSync(join(source, "package.json"), join(target, "package.json"));
    cpSync(join(source, "dist"), join(target, "dist"), { recursive: true });
    const manifest = JSON.parse(readFileSync(join(source, "package.json"), "utf8"));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      if (dependency.startsWith("@plex/")) continue;
      const real = realpathSync(join(source, "node_modules", dependency));
      const known = linked.get(dependency);
      if (known !== undefined && known !== real) {
        throw new Error(`our packages disagree on ${dependency}: ${known} vs ${real}`);
      }
      if (known === undefined) {
        mkdirSync(dirname(join(modules, dependency)), { recursive: true });
        symlinkSync(real, join(modules, dependency), "dir");
        linked.set(dependency, real);
      }
    }
  }
  /** @type {ImportOurs} */
  const importOurs = (name) => {
    const manifest = JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8"));
    const entry = manifest.exports?.["."]?.import?.default ?? manifest.module;
    return import(pathToFileURL(join(modules, name, entry)).href);
  };
  return { dir, importOurs, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
