import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod/mini";
import {
  type Connection,
  extraFields,
  type GetTransientTokenRequest,
  GetTransientTokenType,
  type HomeUsers,
  type Identity,
  type Pin,
  PinSchema,
  type PlexDevice,
  type PlexDeviceConnection,
  type PlexErrorDetail,
  type PlexErrorStatus,
  type PlexErrors,
  PlexErrorsSchema,
  type PostUsersSignInDataRequestBody,
  Scope,
  type Service,
  type SourceConnectionInformationResponse,
  SourceConnectionInformationResponseSchema,
  type Subscription,
  type TransientTokenResponse,
  TransientTokenResponseSchema,
  type UserPlexAccount,
  UserPlexAccountSchema,
} from "../src/index.js";

describe("public types", () => {
  it("UserPlexAccount: authToken is a required string, the rest optional and typed", () => {
    expectTypeOf<UserPlexAccount["authToken"]>().toEqualTypeOf<string>();
    expectTypeOf<UserPlexAccount["id"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<UserPlexAccount["twoFactorEnabled"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<UserPlexAccount["adsConsentReminderAt"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<UserPlexAccount["subscription"]>().toEqualTypeOf<Subscription | undefined>();
    expectTypeOf<UserPlexAccount["services"]>().toEqualTypeOf<Service[] | undefined>();
    expectTypeOf<UserPlexAccount["entitlements"]>().toEqualTypeOf<string[] | undefined>();
    // No index signature: a field the schema does not know is a compile error (read such fields with extraFields).
    expectTypeOf<keyof UserPlexAccount>().toEqualTypeOf<keyof z.output<typeof UserPlexAccountSchema>>();
    expectTypeOf<string>().not.toExtend<keyof UserPlexAccount>();
  });

  it("open enums keep their known values and accept any string", () => {
    type Status = NonNullable<Service["status"]>;
    expectTypeOf<"online">().toExtend<Status>();
    expectTypeOf<"degraded">().toExtend<Status>();
    expectTypeOf<Status>().toExtend<string>();
  });

  it("transient token", () => {
    expectTypeOf(GetTransientTokenType.Delegation).toEqualTypeOf<"delegation">();
    expectTypeOf(Scope.All).toEqualTypeOf<"all">();
    // The constants double as types, like TypeScript enums without an enum.
    expectTypeOf<GetTransientTokenType>().toEqualTypeOf<"delegation">();
    expectTypeOf<Scope>().toEqualTypeOf<"all">();
    expectTypeOf<GetTransientTokenRequest>().toEqualTypeOf<{ type: "delegation"; scope: "all" }>();
    expectTypeOf<TransientTokenResponse["MediaContainer"]["token"]>().toEqualTypeOf<string>();
    expectTypeOf<TransientTokenResponse["MediaContainer"]["size"]>().toEqualTypeOf<number | undefined>();
  });

  it("source connection information: one Device, a Connection array", () => {
    type Device = SourceConnectionInformationResponse["MediaContainer"]["Device"];
    expectTypeOf<Device["accessToken"]>().toEqualTypeOf<string>();
    expectTypeOf<Device["Connection"]>().toEqualTypeOf<Connection[]>();
    expectTypeOf<Connection["port"]>().toEqualTypeOf<number>();
    expectTypeOf<Connection["local"]>().toEqualTypeOf<boolean>();
    expectTypeOf<Connection["relay"]>().toEqualTypeOf<boolean | undefined>();
  });

  it("sign-in body", () => {
    expectTypeOf<PostUsersSignInDataRequestBody>().toEqualTypeOf<{
      login: string;
      password: string;
      rememberMe?: boolean | undefined;
      verificationCode?: string | undefined;
    }>();
  });

  it("errors", () => {
    expectTypeOf<PlexErrors["errors"]>().toEqualTypeOf<PlexErrorDetail[]>();
    expectTypeOf<PlexErrorDetail["code"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<PlexErrorDetail["message"]>().toEqualTypeOf<string>();
    expectTypeOf<PlexErrorStatus["error"]>().toEqualTypeOf<string>();
  });

  it("pin, device, identity", () => {
    expectTypeOf<Pin["id"]>().toEqualTypeOf<number>();
    expectTypeOf<Pin["authToken"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<PlexDevice["connections"][number]["uri"]>().toEqualTypeOf<string>();
    expectTypeOf<PlexDevice["accessToken"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Identity["MediaContainer"]["machineIdentifier"]>().toEqualTypeOf<string>();
  });

  it("schemas fit core's RequestSpec.responseSchema (z.core.$ZodType<T>)", () => {
    expectTypeOf(UserPlexAccountSchema).toExtend<z.core.$ZodType<UserPlexAccount>>();
    expectTypeOf(TransientTokenResponseSchema).toExtend<z.core.$ZodType<TransientTokenResponse>>();
    expectTypeOf(SourceConnectionInformationResponseSchema).toExtend<
      z.core.$ZodType<SourceConnectionInformationResponse>
    >();
    expectTypeOf(PlexErrorsSchema).toExtend<z.core.$ZodType<PlexErrors>>();
  });

  it("a typo in a field name fails to compile, at the top and nested", () => {
    const use = (..._values: unknown[]) => undefined;
    const check = (
      account: UserPlexAccount,
      identity: Identity,
      transient: TransientTokenResponse,
      pin: Pin,
      device: PlexDevice,
      home: HomeUsers,
    ) =>
      use(
        // @ts-expect-error usrname is a typo of username
        account.usrname,
        // @ts-expect-error futureSetting is not a known profile field
        account.profile?.futureSetting,
        // @ts-expect-error tokn is a typo of token
        transient.MediaContainer.tokn,
        // @ts-expect-error machineIdentifer is a typo of machineIdentifier
        identity.MediaContainer.machineIdentifer,
        // @ts-expect-error authTokn is a typo of authToken
        pin.authTokn,
        // @ts-expect-error conections is a typo of connections
        device.conections,
        // @ts-expect-error uri is spelt uri, not url
        device.connections[0]?.url,
        // @ts-expect-error usernme is not a field of a Home user
        home.users[0]?.usernme,
        // The real names compile.
        account.username,
        transient.MediaContainer.token,
        pin.authToken,
      );
    expectTypeOf(check).toBeFunction();
  });

  it("extraFields is the typed way to the fields the schema does not know", () => {
    const account = UserPlexAccountSchema.parse({ authToken: "type-test-token", newField: 1 });
    expectTypeOf(extraFields(UserPlexAccountSchema, account)).toEqualTypeOf<Record<string, unknown>>();
    // The value must be what that schema parses.
    // @ts-expect-error a PIN schema does not describe an account
    extraFields(PinSchema, account);
  });

  it("connection protocols: http and https are suggested, any other value is accepted", () => {
    expectTypeOf<Connection["protocol"]>().toEqualTypeOf<"http" | "https" | (string & {})>();
    expectTypeOf<PlexDeviceConnection["protocol"]>().toEqualTypeOf<"http" | "https" | (string & {})>();
  });
});
