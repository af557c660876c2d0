import { describe, expect, it } from "vitest";
import { HomeUsersSchema, SwitchHomeUserRequestSchema } from "./home.js";

describe("HomeUsersSchema", () => {
  it("reads JSON and the XML form (one user: a lone element, strings for numbers and booleans)", () => {
    const json = HomeUsersSchema.parse({ id: 1, users: [{ uuid: "a1", admin: true, restricted: false }] });
    expect(json.users[0]).toEqual({ uuid: "a1", admin: true, restricted: false });
    const xml = HomeUsersSchema.parse({
      id: "1",
      users: { user: { uuid: "a1", admin: "0", protected: "1", id: "7" } },
    });
    expect(xml).toEqual({ id: 1, users: [{ uuid: "a1", admin: false, protected: true, id: 7 }] });
  });

  it("needs each user's uuid (switching cannot work without it) and keeps unknown fields", () => {
    expect(HomeUsersSchema.safeParse({ users: [{ title: "x" }] }).error?.issues[0]?.path).toEqual([
      "users",
      0,
      "uuid",
    ]);
    expect(HomeUsersSchema.parse({ users: [{ uuid: "a", newField: 1 }] }).users[0]).toMatchObject({
      newField: 1,
    });
  });
});

describe("SwitchHomeUserRequestSchema", () => {
  it("requires a uuid; a pin, when given, must not be empty, and no message repeats it", () => {
    expect(SwitchHomeUserRequestSchema.parse({ uuid: "a", pin: "1234" })).toEqual({ uuid: "a", pin: "1234" });
    const result = SwitchHomeUserRequestSchema.safeParse({ uuid: "a", pin: " " });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).not.toContain('" "');
    expect(SwitchHomeUserRequestSchema.safeParse({}).success).toBe(false);
  });
});
