import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The PIN example waits for the demo to approve the PIN (one poll a second).
    testTimeout: 30_000,
  },
});
