import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  version: string;
};

export default defineConfig({
  // One executable module: the bin. ESM only (Node >= 18 runs it directly); no types, nothing imports it.
  entry: ["src/index.ts"],
  format: ["esm"],
  platform: "node",
  target: "node18",
  banner: { js: "#!/usr/bin/env node" },
  define: { __CLI_VERSION__: JSON.stringify(version) },
  sourcemap: true,
  clean: true,
  // @plex/auth and uqr stay dependencies (installed next to the CLI), not copied into the bundle.
  splitting: false,
});
