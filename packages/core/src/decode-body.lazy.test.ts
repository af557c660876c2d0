import { describe, expect, it, vi } from "vitest";

// The XML reader must load on the first XML answer, not when the module is imported:
// a static import would put it in every bundle, JSON-only ones included.
describe("XML decoder loading", () => {
  it("is not loaded by importing the decoder or decoding JSON, only by decoding XML", async () => {
    let loaded = 0;
    vi.resetModules();
    vi.doMock("./internal/read-xml", async (importOriginal) => {
      loaded++;
      return importOriginal();
    });
    const { decodeBody } = await import("./decode-body");
    await decodeBody('{"a":1}', "application/json");
    expect(loaded).toBe(0);
    await expect(decodeBody('<MediaContainer size="1"/>', "text/xml")).resolves.toEqual({
      MediaContainer: { size: "1" },
    });
    expect(loaded).toBe(1);
    await decodeBody("<MediaContainer/>", "text/xml");
    expect(loaded).toBe(1);
    vi.doUnmock("./internal/read-xml");
  });
});
