// Fails loudly when our packages are not built (or not written yet): a benchmark that silently
// skipped our side would print plexjs figures next to nothing and look like a pass.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { importFromWorkspace } from "./snapshot.mjs";

/** @type {["@plex/models" | "@plex/core" | "@plex/auth", string[]][]} */
const REQUIRED = [
  ["@plex/models", ["UserPlexAccountSchema"]],
  ["@plex/core", ["createPlexClient"]],
  [
    "@plex/auth",
    [
      "PlexAPI",
      "createPlexClient",
      "getTokenDetails",
      "getTransientToken",
      "getSourceConnectionInformation",
      "postUsersSignInData",
    ],
  ],
];

const BUILD_HINT =
  "build them with `pnpm turbo run build --filter=@plex/bench^...` (or run `pnpm bench` from the root)";

/**
 * Throws one error listing every missing dist file or export of @plex/models, core and auth.
 * @param {import("./snapshot.mjs").ImportOurs} importOurs how to load a package
 * (run.mjs passes its snapshot's loader; the size check imports them from the workspace).
 */
export async function assertOurPackagesBuilt(importOurs = importFromWorkspace) {
  const problems = [];
  for (const [name, exportsNeeded] of REQUIRED) {
    const shortName = name.slice("@plex/".length);
    const missingFiles = ["index.js", "index.cjs"].filter(
      (file) =>
        !existsSync(fileURLToPath(new URL(`../../packages/${shortName}/dist/${file}`, import.meta.url))),
    );
    if (missingFiles.length > 0) {
      problems.push(`${name}: dist/${missingFiles.join(", dist/")} missing`);
      continue;
    }
    let namespace;
    try {
      namespace = await importOurs(name);
    } catch (error) {
      problems.push(`${name}: import failed: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const missing = exportsNeeded.filter((exportName) => namespace[exportName] === undefined);
    if (missing.length > 0) problems.push(`${name}: dist does not export ${missing.join(", ")}`);
  }
  if (problems.length > 0) {
    throw new Error(
      `Our packages are not ready for the benchmark:\n  - ${problems.join("\n  - ")}\n` +
        `The bench measures the built dist of @plex/models, @plex/core and @plex/auth: ${BUILD_HINT}.`,
    );
  }
}
