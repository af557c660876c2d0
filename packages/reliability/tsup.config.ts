import { defineConfig } from "tsup";

// Only the soak is built: it runs under plain `node --expose-gc` against the built SDK packages (what users get),
// so that its figures (heap, RSS, open handles at exit) are not those of a test runner.
export default defineConfig({
  entry: { soak: "soak/soak.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  clean: true,
  sourcemap: true,
});
