import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The `*.test-d.ts` type tests run in `pnpm typecheck` (tsc over src and test), where a failed `expectTypeOf`
    // or an unused `@ts-expect-error` fails the build; vitest's own typecheck would only repeat them, with an
    // "experimental feature" notice per package.
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
