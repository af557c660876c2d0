import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { PlexInvalidRequestError } from "./errors";
import { parseInput } from "./parse-input";

const Schema = z.object({ login: z.string(), password: z.string(), rememberMe: z.optional(z.boolean()) });

describe("parseInput", () => {
  it("returns the parsed value", () => {
    expect(parseInput(Schema, { login: "a", password: "b" }, "sign-in request")).toEqual({
      login: "a",
      password: "b",
    });
  });

  it("throws PlexInvalidRequestError with readable issues and no input values", () => {
    let error: unknown;
    try {
      parseInput(Schema, { login: 5, password: "secret-input-pw", rememberMe: "yes" }, "sign-in request");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlexInvalidRequestError);
    const invalid = error as PlexInvalidRequestError;
    expect(invalid.message).toMatch(/^Invalid sign-in request: login: .+; rememberMe: /);
    expect(invalid.issues.map((issue) => issue.path)).toEqual([["login"], ["rememberMe"]]);
    expect(JSON.stringify(invalid)).not.toContain("secret-input-pw");
  });
});
