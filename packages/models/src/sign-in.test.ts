import { describe, expect, it } from "vitest";
import { PostUsersSignInDataRequestBodySchema } from "./sign-in.js";

describe("PostUsersSignInDataRequestBodySchema", () => {
  it("accepts login and password, with optional rememberMe and verificationCode", () => {
    const body = {
      login: "maple@example.invalid",
      password: "pw-fixture",
      rememberMe: true,
      verificationCode: "123456",
    };
    expect(PostUsersSignInDataRequestBodySchema.parse(body)).toEqual(body);
  });

  it.each([
    [{ password: "pw-fixture" }, ["login"], "login is required"],
    [{ login: "a", password: "" }, ["password"], "password must not be empty"],
    [{ login: "a", password: 12345 }, ["password"], "password is required: expected a string"],
  ])("names the missing field without echoing the password", (body, path, message) => {
    const result = PostUsersSignInDataRequestBodySchema.safeParse(body);
    expect(result.error?.issues[0]).toMatchObject({ path, message });
    expect(JSON.stringify(result.error?.issues)).not.toMatch(/pw-fixture|12345/);
  });
});
