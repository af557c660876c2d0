import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Each concept file must stay importable without pulling the others in, so a bundler can drop what a user does
// not import. Runtime code must also stay free of `node:` modules (it runs in browsers and workers).
const srcDir = new URL("../src/", import.meta.url);
const conceptFiles = readdirSync(srcDir).filter(
  (name) => name.endsWith(".ts") && name !== "index.ts" && !name.includes(".test"),
);

function importsOf(file: URL): string[] {
  return [...readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"/g)].map((match) => match[1] ?? "");
}

describe("module boundaries", () => {
  it("finds the concept files", () => {
    expect(conceptFiles).toContain("user-plex-account.ts");
  });

  it.each(conceptFiles)("%s imports only zod/mini and internal helpers", (name) => {
    const foreign = importsOf(new URL(name, srcDir)).filter(
      (source) => source !== "zod/mini" && !source.startsWith("./internal/"),
    );
    expect(foreign).toEqual([]);
  });

  it("internal helpers import only zod/mini", () => {
    const internalDir = new URL("internal/", srcDir);
    const sources = readdirSync(internalDir)
      .filter((name) => name.endsWith(".ts") && !name.includes(".test"))
      .flatMap((name) => importsOf(new URL(name, internalDir)));
    expect(sources.filter((source) => source !== "zod/mini")).toEqual([]);
  });
});
