import { describe, expect, it } from "vitest";
import { GetServerResourcesRequestSchema } from "./server-resources-request.js";

describe("GetServerResourcesRequestSchema", () => {
  it("accepts the three flags as booleans, each optional", () => {
    expect(GetServerResourcesRequestSchema.parse({})).toEqual({});
    expect(GetServerResourcesRequestSchema.parse({ includeRelay: false, includeIPv6: true })).toEqual({
      includeRelay: false,
      includeIPv6: true,
    });
  });

  it("rejects a string flag (a caller's typo, not a wire value)", () => {
    expect(GetServerResourcesRequestSchema.safeParse({ includeHttps: "1" }).success).toBe(false);
  });
});
