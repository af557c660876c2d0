import { describe, expect, it } from "vitest";
import { PingResponseSchema } from "./ping.js";

describe("PingResponseSchema", () => {
  it.each([
    ["the decoded XML text", "true", true],
    ["a JSON boolean", true, true],
    ["a JSON object", { pong: true }, true],
    ["an XML attribute form", { pong: "false" }, false],
    ["a false text", "false", false],
  ])("reads %s", (_name, input, expected) => {
    expect(PingResponseSchema.parse(input)).toBe(expected);
  });

  it("rejects anything that is not a yes or no", () => {
    expect(PingResponseSchema.safeParse("<html>").success).toBe(false);
    expect(PingResponseSchema.safeParse(undefined).success).toBe(false);
  });
});
