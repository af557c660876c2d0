import { describe, expect, it } from "vitest";
import { accountJson, accountXmlDecoded } from "../test/fixtures/accounts.js";
import { extraFields } from "./extra-fields.js";
import { UserPlexAccountSchema, UserProfileSchema } from "./user-plex-account.js";

describe("UserPlexAccountSchema", () => {
  it("parses the JSON account with typed values", () => {
    const account = UserPlexAccountSchema.parse(accountJson);
    expect(account.authToken).toBe("fixture-token-not-real");
    expect(account.subscription?.features).toEqual(["sync", "webhooks"]);
    expect(account.profile?.autoSelectSubtitle).toBe(2);
  });

  it("gives the XML-decoded account exactly the JSON account's shape and values", () => {
    expect(UserPlexAccountSchema.parse(accountXmlDecoded)).toEqual(UserPlexAccountSchema.parse(accountJson));
  });

  it("reads lists that core's decoder has already turned into arrays the same way", () => {
    const decoded = {
      ...accountXmlDecoded,
      subscription: { ...accountXmlDecoded.subscription, features: ["sync", "webhooks"] },
      entitlements: ["all", "android"],
      roles: ["plexpass"],
      subscriptions: [accountXmlDecoded.subscriptions.subscription],
      services: [accountXmlDecoded.services.service],
    };
    expect(UserPlexAccountSchema.parse(decoded)).toEqual(UserPlexAccountSchema.parse(accountJson));
  });

  it("keeps unknown fields through a round trip, at the top and nested", () => {
    const body = {
      ...accountJson,
      newThing: { nested: [1, 2] },
      profile: { ...accountJson.profile, futureSetting: "x" },
    };
    const account = UserPlexAccountSchema.parse(body);
    expect(extraFields(UserPlexAccountSchema, account)).toEqual({ newThing: { nested: [1, 2] } });
    expect(extraFields(UserProfileSchema, account.profile!)).toEqual({ futureSetting: "x" });
    expect(UserPlexAccountSchema.parse(JSON.parse(JSON.stringify(account)))).toEqual(account);
  });

  it("accepts enum values Plex may add later", () => {
    const body = {
      ...accountJson,
      mailingListStatus: "pending-double-opt-in",
      subscription: { ...accountJson.subscription, status: "Paused" },
      services: [{ identifier: "x", status: "degraded" }],
    };
    const account = UserPlexAccountSchema.parse(body);
    expect(account.mailingListStatus).toBe("pending-double-opt-in");
    expect(account.subscription?.status).toBe("Paused");
    expect(account.services?.[0]?.status).toBe("degraded");
  });

  it("does not need pastSubscriptions, trials or anything else but authToken", () => {
    const {
      pastSubscriptions: _p,
      trials: _t,
      ...rest
    } = { ...accountJson, pastSubscriptions: [], trials: [] };
    expect(UserPlexAccountSchema.safeParse(rest).success).toBe(true);
    expect(UserPlexAccountSchema.parse({ authToken: "only-this" })).toEqual({ authToken: "only-this" });
  });

  it.each([
    ["missing", undefined, "authToken is required"],
    ["null", null, "authToken is required"],
    ["empty", "", "authToken must not be empty"],
  ])("fails with a readable issue at path authToken when it is %s", (_name, authToken, message) => {
    const result = UserPlexAccountSchema.safeParse({ ...accountJson, authToken });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]).toMatchObject({ path: ["authToken"], message });
  });

  it("names the nested path of a wrong nested value", () => {
    const result = UserPlexAccountSchema.safeParse({ ...accountJson, services: [{ identifier: 5 }] });
    expect(result.error?.issues[0]?.path).toEqual(["services", 0, "identifier"]);
  });

  it("never echoes the token in an issue message", () => {
    const result = UserPlexAccountSchema.safeParse({ ...accountJson, homeSize: "many" });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues.map((issue) => issue.message))).not.toContain(
      accountJson.authToken,
    );
  });
});
