import { describe, expect, it } from "vitest";
import { codeFor } from "./pins-route.js";

describe("codeFor", () => {
  it("is deterministic", () => {
    expect(codeFor(880001, 4)).toBe(codeFor(880001, 4));
    expect(codeFor(880001, 25)).toBe(codeFor(880001, 25));
  });

  it("gives neighbouring ids different codes that use the whole alphabet, like plex.tv's", () => {
    const short = Array.from({ length: 50 }, (_, index) => codeFor(880001 + index, 4));
    expect(new Set(short).size).toBeGreaterThanOrEqual(49);
    for (const code of short) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}$/);
    const strong = codeFor(880001, 25);
    expect(strong).toMatch(/^[A-HJ-NP-Z2-9]{25}$/);
    // The old generator repeated one letter ("GAAAAAAAAAAAAAAAAAAAAAAAA"): a real code has many distinct ones.
    expect(new Set(strong).size).toBeGreaterThanOrEqual(12);
    const letters = new Set(short.join(""));
    expect(letters.size).toBeGreaterThanOrEqual(28);
  });
});
