import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const security = readFileSync(`${root}SECURITY.md`, "utf8");

/** Every `` `file` › "test name" `` reference in SECURITY.md. */
const references = [...security.matchAll(/`([^`\s]+)` › "([^"]+)"/g)].map(([, file, name]) => ({
  file: file!,
  name: name!,
}));

describe("SECURITY.md names tests that exist", () => {
  test("it names at least one test for each guarantee section", () => {
    const sections = security.split(/^## /m).slice(1);
    for (const section of sections) {
      const title = section.split("\n")[0]!;
      if (title === "Reporting a vulnerability") continue;
      expect(section.match(/`[^`\s]+` › "[^"]+"/g)?.length ?? 0, title).toBeGreaterThan(0);
    }
    expect(references.length).toBeGreaterThan(40);
  });

  test.each(references)("$file › $name", ({ file, name }) => {
    expect(existsSync(`${root}${file}`), `${file} exists`).toBe(true);
    // The name as written in the test source (test titles with %s/%i or ${…} placeholders are quoted as written).
    expect(readFileSync(`${root}${file}`, "utf8")).toContain(name);
  });

  test("the README links it", () => {
    expect(readFileSync(`${root}README.md`, "utf8")).toMatch(/\[[^\]]*\]\(\.?\/?SECURITY\.md\)/);
  });

  test("it tells reporters to use private vulnerability reporting, not an invented address", () => {
    expect(security).toMatch(/private\s+vulnerability\s+reporting/);
    expect(security).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
});
