import { describe, expect, it } from "vitest";
import { IdentitySchema } from "./identity.js";

describe("IdentitySchema", () => {
  it("reads JSON and XML-decoded identity alike", () => {
    const json = {
      MediaContainer: { size: 0, claimed: true, machineIdentifier: "kauri-0000-fixture", version: "1.40" },
    };
    const xml = {
      MediaContainer: { size: "0", claimed: "1", machineIdentifier: "kauri-0000-fixture", version: "1.40" },
    };
    expect(IdentitySchema.parse(xml)).toEqual(IdentitySchema.parse(json));
  });

  it("requires machineIdentifier", () => {
    expect(IdentitySchema.safeParse({ MediaContainer: {} }).error?.issues[0]?.path).toEqual([
      "MediaContainer",
      "machineIdentifier",
    ]);
  });
});
