import { describe, expect, it } from "vitest";
import { PlexErrorStatusSchema, PlexErrorsSchema } from "./plex-errors.js";

describe("PlexErrorsSchema", () => {
  it("parses the JSON form", () => {
    expect(
      PlexErrorsSchema.parse({
        errors: [{ code: 1001, message: "User could not be authenticated", status: 401 }],
      }),
    ).toEqual({ errors: [{ code: 1001, message: "User could not be authenticated", status: 401 }] });
  });

  it.each([
    [
      "<error code message status/> (one child)",
      { errors: { error: { code: "1029", message: "Please enter the verification code", status: "401" } } },
      [{ code: 1029, message: "Please enter the verification code", status: 401 }],
    ],
    [
      "two <error/> children",
      { errors: { error: [{ code: "1003", message: "slow down" }, { message: "again" }] } },
      [{ code: 1003, message: "slow down" }, { message: "again" }],
    ],
    ["<error>text</error>", { errors: { error: "Invalid token" } }, [{ message: "Invalid token" }]],
    [
      "<error code>text</error> (text beside attributes)",
      { errors: { error: { code: "1001", "#text": "Nope" } } },
      // "#text" stays beside the message: a loose object keeps what it was given.
      [{ code: 1001, "#text": "Nope", message: "Nope" }],
    ],
  ])("parses the XML form as core decodes it: %s", (_name, body, errors) => {
    expect(PlexErrorsSchema.parse(body)).toEqual({ errors });
  });

  it("fails without errors or without a message", () => {
    expect(PlexErrorsSchema.safeParse({}).success).toBe(false);
    expect(PlexErrorsSchema.safeParse({ errors: [{ code: 1 }] }).error?.issues[0]?.path).toEqual([
      "errors",
      0,
      "message",
    ]);
  });
});

describe("PlexErrorStatusSchema", () => {
  it("parses { status, error } and coerces an XML status", () => {
    expect(PlexErrorStatusSchema.parse({ status: "404", error: "Not Found" })).toEqual({
      status: 404,
      error: "Not Found",
    });
    expect(PlexErrorStatusSchema.safeParse({ errors: [] }).success).toBe(false);
  });
});
