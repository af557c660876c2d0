import { defineConfig } from "vitest/config";

// Kept out of `pnpm test`: needs Debian's chromium (/usr/bin/chromium) and builds the app first.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file builds the app into the same dist/ for `vite preview`; one at a time also suits 2 cores.
    fileParallelism: false,
  },
});
