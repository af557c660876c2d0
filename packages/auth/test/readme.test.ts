import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { demoHandlers } from "@plex/demo-plex/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// Every ```ts block of the README is run as written, against the demo Plex served by msw at the URLs the README
// uses. A `// → text` comment after a console.log is the output the block must print.

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
const entry = fileURLToPath(new URL("../src/index.ts", import.meta.url));
const browserEntry = fileURLToPath(new URL("../src/browser.ts", import.meta.url));

/**
 * What a browser gives the `@plex/auth/browser` examples: a popup that opens (nobody clicks in it: the demo approves
 * a PIN on its second poll), a page location and sessionStorage. Installed only while such an example runs.
 */
function fakeBrowserWindow() {
  const session = new Map<string, string>();
  return {
    open: () => ({ location: { href: "about:blank" }, close() {} }),
    location: { href: "https://myapp.example/", assign() {} },
    sessionStorage: {
      getItem: (key: string) => session.get(key) ?? null,
      setItem: (key: string, value: string) => void session.set(key, value),
      removeItem: (key: string) => void session.delete(key),
    },
  };
}

// The browser example uses localStorage, which Node 20 lacks: a stand-in with the same methods.
if (!("localStorage" in globalThis)) {
  const items = new Map<string, string>();
  Object.defineProperty(globalThis, "localStorage", {
    configurable: true,
    value: {
      getItem: (name: string) => items.get(name) ?? null,
      setItem: (name: string, value: string) => void items.set(name, String(value)),
      removeItem: (name: string) => void items.delete(name),
    },
  });
}

const server = setupServer(...demoHandlers({ serverURL: "http://192.168.1.10:32400" }));
const workDir = mkdtempSync(join(tmpdir(), "plex-auth-readme-"));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  vi.restoreAllMocks();
});
afterAll(() => {
  server.close();
  rmSync(workDir, { recursive: true, force: true });
});

function expectedOutput(code: string): string[] {
  return [...code.matchAll(/console\.log\(.*\); \/\/ → (.*)$/gm)].map((match) => match[1] ?? "");
}

describe("README examples", () => {
  it("has the examples this test is meant to run", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const code of blocks) expect(code).toContain('from "@plex/auth"');
  });

  it.each(
    blocks.map((code, index) => [index + 1, code.split("\n").find((l) => l.startsWith("const")), code]),
  )("example %i (%s) runs and prints what its comments say", async (index, _title, code) => {
    const printed: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(" "));
    });
    const file = join(workDir, `example-${index}.ts`);
    writeFileSync(
      file,
      String(code)
        .replaceAll('from "@plex/auth/browser"', `from ${JSON.stringify(browserEntry)}`)
        .replaceAll('from "@plex/auth"', `from ${JSON.stringify(entry)}`),
    );

    const browser = String(code).includes('"@plex/auth/browser"');
    if (browser) vi.stubGlobal("window", fakeBrowserWindow());
    try {
      await import(/* @vite-ignore */ pathToFileURL(file).href);
    } finally {
      vi.unstubAllGlobals();
    }

    expect(expectedOutput(String(code)).length).toBeGreaterThan(0);
    expect(printed).toEqual(expectedOutput(String(code)));
  });
});
