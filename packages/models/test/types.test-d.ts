import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod/mini";
import {
  type Connection,
  type GetTransientTokenRequest,
  GetTransientTokenType,
  type Identity,
  type Pin,
  type PlexDevice,
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
    // Loose object: unknown keys are kept and typed unknown.
    expectTypeOf<UserPlexAccount["somethingNew"]>().toEqualTypeOf<unknown>();
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
});
