import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Packing and installing tarballs with npm takes seconds, not milliseconds.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
