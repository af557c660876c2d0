import { defineConfig } from "vitest/config";

// Kept out of `pnpm test`: needs Debian's chromium (/usr/bin/chromium) and builds the app first.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
