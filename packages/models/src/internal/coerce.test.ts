import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  bool,
  exactly,
  filled,
  list,
  nullableBool,
  nullableNum,
  nullableStr,
  num,
  str,
  toList,
} from "./coerce.js";

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

describe("toList / list", () => {
  const strings = list(z.string(), "feature", (entry) => (entry as { id?: unknown }).id ?? entry);

  it.each([
    ["a JSON array", ["a", "b"], ["a", "b"]],
    ["a lone XML child", { feature: { id: "a" } }, ["a"]],
    ["repeated XML children", { feature: [{ id: "a" }, { id: "b" }] }, ["a", "b"]],
    ["an empty XML element", "", []],
    ["an empty wrapper", {}, []],
    ["a wrapper holding an empty element", { feature: "" }, []],
  ])("%s", (_name, input, expected) => {
    expect(strings.parse(input)).toEqual(expected);
  });

  it("wraps a single object that is not a wrapper", () => {
    expect(toList({ uri: "x" }, undefined)).toEqual([{ uri: "x" }]);
    expect(toList({ uri: "x" }, "connection")).toEqual([{ uri: "x" }]);
  });

  it("leaves a missing value alone unless asked for an empty list", () => {
    expect(toList(undefined, "x")).toBeUndefined();
    expect(toList(null, "x")).toBeNull();
    expect(toList(undefined, "x", undefined, true)).toEqual([]);
  });
});
