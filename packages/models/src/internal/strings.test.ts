import { describe, expect, it } from "vitest";
import { exactly, filled } from "./strings.js";

describe("filled and exactly", () => {
  it("filled rejects empty and blank strings with the field's name", () => {
    const schema = filled("authToken");
    expect(schema.parse("abc")).toBe("abc");
    expect(schema.safeParse("").error?.issues[0]?.message).toBe("authToken must not be empty");
    expect(schema.safeParse("  ").success).toBe(false);
    expect(schema.safeParse(undefined).error?.issues[0]?.message).toBe("authToken is required");
  });

  it("exactly accepts only its value", () => {
    expect(exactly("all").parse("all")).toBe("all");
    expect(exactly("all").safeParse("All").error?.issues[0]?.message).toBe('expected "all"');
  });
});
