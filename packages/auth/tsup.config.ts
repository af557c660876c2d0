import { defineConfig } from "tsup";

export default defineConfig({
  // One output module per operation, so a bundler drops the operations a user does not import (`sideEffects: false`)
  // instead of having to prove each module-level schema call pure inside one big file. "." and "./browser" are
  // exported (src/index.ts and src/browser.ts, the two barrels).
  entry: ["src/*.ts", "!src/*.test.ts", "!src/*.test-d.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  target: "es2022",
  platform: "neutral",
});
