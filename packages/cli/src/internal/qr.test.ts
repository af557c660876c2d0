import { describe, expect, it } from "vitest";
import { renderQr } from "./qr.js";

describe("renderQr", () => {
  const url = `https://app.plex.tv/auth#?clientID=${"c".repeat(36)}&code=${"A".repeat(25)}&context[device][product]=plex-auth`;

  it("draws the code with half blocks, two module rows per line, square overall", () => {
    const art = renderQr(url, 200);
    expect(art).toBeDefined();
    const lines = (art as string).split("\n");
    const width = [...(lines[0] as string)].length;
    expect(lines.every((line) => [...line].length === width)).toBe(true);
    expect(Math.abs(lines.length * 2 - width)).toBeLessThanOrEqual(2);
    expect(art).toMatch(/^[ ▀▄█\n]+$/);
  });

  it("gives up when the terminal is too narrow rather than drawing a broken code", () => {
    expect(renderQr(url, 30)).toBeUndefined();
  });
});
