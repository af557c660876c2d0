import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { demoHandlers } from "@plex/demo-plex/msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The root README is the first code a newcomer copies: every ```ts block in it runs as written against the demo Plex
// (msw at plex.tv's real URLs), and a `// → text` comment after a console.log is the output the block must print.

const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
const entry = fileURLToPath(new URL("../src/index.ts", import.meta.url));

const server = setupServer(...demoHandlers({ serverURL: "http://192.168.1.10:32400" }));
const workDir = mkdtempSync(join(tmpdir(), "plex-root-readme-"));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => {
  server.close();
  rmSync(workDir, { recursive: true, force: true });
});

function expectedOutput(code: string): string[] {
  return [...code.matchAll(/console\.log\(.*\); \/\/ → (.*)$/gm)].map((match) => match[1] ?? "");
}

describe("root README", () => {
  it("has the sign-in example", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    expect(blocks[0]).toContain("createPin");
    expect(blocks[0]).toContain("waitForPinToken");
    // "a ten-line example": the first thing a user reads stays short.
    expect(blocks[0]?.trim().split("\n").length).toBeLessThanOrEqual(10);
  });

  it.each(blocks.map((code, index) => [index + 1, code]))(
    "example %i runs and prints what its comments say",
    async (index, code) => {
      const printed: string[] = [];
      const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
        printed.push(args.map(String).join(" "));
      });
      const file = join(workDir, `example-${index}.ts`);
      writeFileSync(file, String(code).replaceAll('from "@plex/auth"', `from ${JSON.stringify(entry)}`));
      try {
        await import(/* @vite-ignore */ pathToFileURL(file).href);
      } finally {
        spy.mockRestore();
      }
      expect(expectedOutput(String(code)).length).toBeGreaterThan(0);
      expect(printed).toEqual(expectedOutput(String(code)));
    },
  );
});
