import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { bool, nullableBool, nullableNum, nullableStr, num, str } from "./coerce.js";

describe("bool", () => {
  it.each([
    [true, true],
    [1, true],
    ["1", true],
    ["true", true],
    [false, false],
    [0, false],
    ["0", false],
    ["false", false],
  ])("%j → %j", (input, expected) => {
    expect(bool.parse(input)).toBe(expected);
  });

  it.each([["yes"], [2], [""], [null], [undefined], [{}]])("rejects %j", (input) => {
    expect(bool.safeParse(input).success).toBe(false);
  });
});

describe("num", () => {
  it.each([
    [32400, 32400],
    ["32400", 32400],
    ["-1.5", -1.5],
    [" 7 ", 7],
  ])("%j → %j", (input, expected) => {
    expect(num.parse(input)).toBe(expected);
  });

  it.each([["abc"], [""], ["  "], ["Infinity"], [Number.NaN], [true], [null]])("rejects %j", (input) => {
    expect(num.safeParse(input).success).toBe(false);
  });
});

describe("nullable fields treat XML's empty attribute as null", () => {
  it.each([
    [nullableBool, "", null],
    [nullableBool, null, null],
    [nullableBool, "1", true],
    [nullableNum, "", null],
    [nullableNum, "12", 12],
    [nullableStr, "", null],
    [nullableStr, "en", "en"],
    [nullableStr, undefined, undefined],
  ] as const)("%#: %j → %j", (schema, input, expected) => {
    expect(z.parse(schema, input)).toBe(expected);
  });
});

describe("str", () => {
  it("turns a number into its string and keeps strings", () => {
    expect(str.parse(802)).toBe("802");
    expect(str.parse("N19")).toBe("N19");
    expect(str.safeParse(true).success).toBe(false);
  });
});
