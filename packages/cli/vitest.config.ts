import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/support/require-build.ts"],
    // Every end-to-end case starts node with the built bin: seconds on a loaded 2-core machine, not milliseconds.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
