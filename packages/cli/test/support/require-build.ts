// The end-to-end suites run the built bin, as users do: fail at once with a clear message when it is missing,
// instead of thirty confusing "ENOENT" failures. `pnpm test` (turbo) builds it first.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export default function requireBuild(): void {
  const bin = fileURLToPath(new URL("../../dist/index.js", import.meta.url));
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm --filter @plex/cli build\` first.`);
}
