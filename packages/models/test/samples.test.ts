import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  extraFields,
  HomeUserSchema,
  HomeUsersSchema,
  JwtNonceSchema,
  JwtTokenResponseSchema,
  PinSchema,
  PlexDevicesSchema,
  PlexErrorStatusSchema,
  PlexErrorsSchema,
  SourceConnectionInformationResponseSchema,
  TransientTokenResponseSchema,
  UserPlexAccountSchema,
} from "../src/index.js";
import { hasSamples, readSample, sampleFiles, skipMessage } from "./fixtures/samples.js";

// File-name prefix → the schema that models that body. First match wins, so the specific prefixes come first.
const schemaByPrefix: [prefix: string, schema: z.core.$ZodType][] = [
  ["api-v2-users-signin__", UserPlexAccountSchema],
  // The switch answer is the member's account: same shape as /user, with their authToken (and a hashed `pin`).
  ["api-v2-home-users-switch__", UserPlexAccountSchema],
  ["api-v2-home-users__", HomeUsersSchema],
  ["auth-nonce__", JwtNonceSchema],
  ["auth-token-response__", JwtTokenResponseSchema],
  ["api-v2-user__", UserPlexAccountSchema],
  ["api-v2-pins", PinSchema],
  ["api-v2-resources__", PlexDevicesSchema],
  ["security-token__json", TransientTokenResponseSchema],
  ["security-resources__json", SourceConnectionInformationResponseSchema],
  // plexjs#22: a plex.tv 404 whose body is `{ status, error }`, not `errors[]`.
  ["error-404-plextv-not-found__", PlexErrorStatusSchema],
  ["error-", PlexErrorsSchema],
];

// Bodies this package deliberately does not model, with the reason.
const notModelled: [prefix: string, reason: string][] = [
  [
    "auth-jwk-request-body__",
    "a request body @plex/auth builds itself (registerDeviceKey); its samples-conformance test checks the shape",
  ],
  [
    "auth-device-jwt-payload__",
    "claims @plex/auth signs itself (refreshJwt); its samples-conformance test checks them against this sample",
  ],
];

function schemaFor(file: string): z.core.$ZodType | undefined {
  return schemaByPrefix.find(([prefix]) => file.startsWith(prefix))?.[1];
}

describe.skipIf(!hasSamples)("every JSON sample parses with its schema", () => {
  const files = sampleFiles(".json");

  it("finds the samples", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("maps every sample to a schema or to a stated reason (new samples cannot be silently ignored)", () => {
    const unmapped = files.filter(
      (file) => !schemaFor(file) && !notModelled.some(([prefix]) => file.startsWith(prefix)),
    );
    expect(unmapped).toEqual([]);
  });

  for (const file of files) {
    const schema = schemaFor(file);
    if (!schema) {
      const reason = notModelled.find(([prefix]) => file.startsWith(prefix))?.[1] ?? "no schema";
      it.skip(`${file} (not modelled: ${reason})`, () => {});
      continue;
    }
    it(file, () => {
      const result = z.safeParse(schema, readSample(file));
      expect(result.error?.issues).toBeUndefined();
      expect(result.success).toBe(true);
    });
  }
});

describe.skipIf(!hasSamples)("samples: values the SDK relies on come out typed", () => {
  it("the free account's numeric autoSelectSubtitle and null adsConsentReminderAt", () => {
    const account = UserPlexAccountSchema.parse(readSample("api-v2-user__plex-api-rs__user_info_free.json"));
    expect(account.authToken).toBe("auth_token");
    expect(account.profile?.autoSelectSubtitle).toBe(1);
    expect(account.adsConsentReminderAt).toBeNull();
    expect(account.services?.length).toBe(16);
  });

  it("the Plex Pass account's numeric adsConsentReminderAt and subscriptions", () => {
    const account = UserPlexAccountSchema.parse(
      readSample("api-v2-user__plex-api-rs__user_info_plexpass.json"),
    );
    expect(account.adsConsentReminderAt).toBe(1649808851);
    expect(account.subscriptions?.[0]?.state).toBe("active");
    expect(account.roles).toEqual(["plexpass"]);
  });

  it("sign-in bodies keep null service secrets and past subscriptions", () => {
    const account = UserPlexAccountSchema.parse(
      readSample("api-v2-users-signin__201__plex-api-spec-test-a.json"),
    );
    expect(account.services?.[0]?.secret).toBeNull();
    expect(account.pastSubscriptions?.[0]?.endsAt).toBe(1556281940);
    expect(account.pastSubscriptions?.[0]?.billing).toEqual({
      paymentMethodId: null,
      internalPaymentMethod: {},
    });
  });

  it("/security/resources gives one Device with a Connection array", () => {
    const body = SourceConnectionInformationResponseSchema.parse(
      readSample("security-resources__json__DERIVED-from-plex-docs-xml.json"),
    );
    expect(body.MediaContainer.Device.Connection.map((c) => [c.port, c.local, c.relay])).toEqual([
      [32400, true, undefined],
      [32403, false, undefined],
      [8443, false, true],
    ]);
  });

  it("the 404 error in { status, error } form", () => {
    expect(
      PlexErrorStatusSchema.parse(readSample("error-404-plextv-not-found__json__plexjs-issue-22.json")),
    ).toEqual({ status: 404, error: "Not Found" });
  });

  it("an unclaimed pin has a null authToken, a claimed one a string", () => {
    expect(
      PinSchema.parse(readSample("api-v2-pins__create-unclaimed__plex-api-rs.json")).authToken,
    ).toBeNull();
    expect(PinSchema.parse(readSample("api-v2-pins-id__claimed__plex-api-rs.json")).authToken).toBe(
      "auth_token",
    );
  });
});

describe.skipIf(!hasSamples)("samples: Plex Home and the JWT flow", () => {
  it("the home list: admin, a managed member with a restriction profile and null username", () => {
    const home = HomeUsersSchema.parse(readSample("api-v2-home-users__public-capture-notes.json"));
    expect(home.users.map((user) => [user.admin, user.restricted, user.protected])).toEqual([
      [true, false, true],
      [false, true, false],
    ]);
    expect(extraFields(HomeUserSchema, home.users[1]!)).toMatchObject({
      username: null,
      restrictionProfile: "little_kid",
    });
  });

  it("the switch answer carries the member's authToken and a hashed pin (both secrets)", () => {
    const account = UserPlexAccountSchema.parse(
      readSample("api-v2-home-users-switch__success__public-capture-notes.json"),
    );
    expect(account.authToken).toBe("anonymized-home-user-token");
    expect(account.pin).toBe("anonymized-pin-hash");
  });

  it("the JWT flow answers: nonce and token", () => {
    expect(JwtNonceSchema.parse(readSample("auth-nonce__plex-api-spec-description.json")).nonce).toMatch(
      /^[0-9a-f-]{36}$/,
    );
    expect(
      JwtTokenResponseSchema.parse(readSample("auth-token-response__plex-api-spec-description.json"))
        .auth_token,
    ).toMatch(/^eyJ/);
  });
});

// Registered only when the samples are absent: under `describe.runIf` it would still count as one skipped test
// (with its "not found" title) in every run that found them.
if (!hasSamples) {
  describe("samples", () => {
    it.skip(skipMessage, () => {});
  });
}
