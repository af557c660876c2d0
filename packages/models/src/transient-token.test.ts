import { describe, expect, it } from "vitest";
import {
  GetTransientTokenRequestSchema,
  GetTransientTokenType,
  Scope,
  TransientTokenResponseSchema,
} from "./transient-token.js";

describe("transient token", () => {
  it("request: only delegation / all", () => {
    const request = { type: GetTransientTokenType.Delegation, scope: Scope.All };
    expect(GetTransientTokenRequestSchema.parse(request)).toEqual({ type: "delegation", scope: "all" });
    expect(
      GetTransientTokenRequestSchema.safeParse({ type: "bearer", scope: "all" }).error?.issues[0]?.path,
    ).toEqual(["type"]);
    expect(GetTransientTokenRequestSchema.safeParse({ type: "delegation" }).success).toBe(false);
  });

  it("response: JSON and XML-decoded bodies give the same value", () => {
    const json = { MediaContainer: { size: 0, token: "transient-fixture" } };
    const xml = { MediaContainer: { size: "0", token: "transient-fixture" } };
    expect(TransientTokenResponseSchema.parse(xml)).toEqual(TransientTokenResponseSchema.parse(json));
  });

  it("response: a missing or empty token fails at MediaContainer.token", () => {
    for (const MediaContainer of [{ size: 0 }, { token: "" }, { token: null }]) {
      const result = TransientTokenResponseSchema.safeParse({ MediaContainer });
      expect(result.error?.issues[0]?.path).toEqual(["MediaContainer", "token"]);
    }
  });
});
