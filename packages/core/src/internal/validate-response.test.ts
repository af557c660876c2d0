import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { PlexValidationError } from "../errors";
import { createRedactor } from "./redactor";
import { validateResponse } from "./validate-response";

const SECRET = "validate-secret-61aa";

describe("validateResponse", () => {
  it("throws a PlexValidationError with issues and a redacted raw value, not a ZodError", async () => {
    const error = await validateResponse(
      z.object({ id: z.number() }),
      { id: "x", authToken: SECRET },
      "getThing",
      createRedactor([SECRET]),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlexValidationError);
    expect((error as PlexValidationError).message).toMatch(
      /^The getThing response has an unexpected shape: id:/,
    );
    expect(JSON.stringify((error as PlexValidationError).rawValue)).not.toContain(SECRET);
  });

  it("waits for an async schema and maps its failures the same way", async () => {
    const schema = z.string().check(z.refine(async (value) => value === "ok", "not ok"));
    await expect(validateResponse(schema, "ok", "op")).resolves.toBe("ok");
    const error = await validateResponse(schema, "no", "op").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlexValidationError);
    expect((error as PlexValidationError).issues[0]?.message).toBe("not ok");
  });

  it("turns a schema that throws into a PlexValidationError", async () => {
    const schema = z.string().check(
      z.refine(() => {
        throw new Error("boom");
      }),
    );
    await expect(validateResponse(schema, "x", "op")).rejects.toThrow(
      /The op response could not be validated/,
    );
  });
});
