import { describe, expect, it } from "vitest";
import { CreatePinRequestSchema, GetPinRequestSchema, PinSchema } from "./pin.js";

const pin = { id: 99, code: "ABCD", expiresIn: 900, authToken: null, newRegistration: null };

describe("PinSchema", () => {
  it("parses an unclaimed pin and a claimed one", () => {
    expect(PinSchema.parse(pin).authToken).toBeNull();
    expect(PinSchema.parse({ ...pin, authToken: "claimed-fixture" }).authToken).toBe("claimed-fixture");
  });

  it("reads the XML form: strings for numbers and an empty authToken as null", () => {
    expect(
      PinSchema.parse({ id: "99", code: "ABCD", expiresIn: "900", authToken: "", trusted: "0" }),
    ).toEqual({
      id: 99,
      code: "ABCD",
      expiresIn: 900,
      authToken: null,
      trusted: false,
    });
  });

  it("requires id and code", () => {
    expect(PinSchema.safeParse({ code: "ABCD" }).error?.issues[0]?.path).toEqual(["id"]);
    expect(PinSchema.safeParse({ id: 1 }).error?.issues[0]?.path).toEqual(["code"]);
  });
});

describe("pin request schemas", () => {
  it("accepts strong as a boolean only, and nothing at all", () => {
    expect(CreatePinRequestSchema.parse({})).toEqual({});
    expect(CreatePinRequestSchema.parse({ strong: true })).toEqual({ strong: true });
    expect(CreatePinRequestSchema.safeParse({ strong: "true" }).success).toBe(false);
  });

  it("wants a positive integer id", () => {
    expect(GetPinRequestSchema.parse({ id: 880001 })).toEqual({ id: 880001 });
    for (const id of [0, -1, 1.5, "880001", Number.NaN]) {
      expect(GetPinRequestSchema.safeParse({ id }).success, String(id)).toBe(false);
    }
  });
});
