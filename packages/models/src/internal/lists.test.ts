import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { list, toList } from "./lists.js";

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
