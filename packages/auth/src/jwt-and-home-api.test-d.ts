import { describe, expectTypeOf, it } from "vitest";
import {
  type AccessToken,
  createJwtTokenProvider,
  createPlexClient,
  type DeviceKey,
  type DeviceKeyJwk,
  exportDeviceKey,
  generateDeviceKey,
  getHomeUsers,
  type HomeUser,
  importDeviceKey,
  type PlexJwt,
  type PlexJwtClaims,
  type PlexResponse,
  prepareJwtPinLogin,
  refreshJwt,
  switchHomeUser,
  type UserPlexAccount,
  verifyPlexJwt,
} from "./index.js";

describe("public types of the JWT and Home additions", () => {
  it("device keys, JWTs and the provider", async () => {
    const client = createPlexClient({ clientIdentifier: "x" });
    const key = await generateDeviceKey();
    expectTypeOf(key).toEqualTypeOf<DeviceKey>();
    expectTypeOf(key.kid).toEqualTypeOf<string>();
    expectTypeOf(await exportDeviceKey(key)).toEqualTypeOf<DeviceKeyJwk>();
    expectTypeOf(importDeviceKey).parameter(0).toEqualTypeOf<DeviceKeyJwk>();
    expectTypeOf(await refreshJwt(client, { key })).toEqualTypeOf<PlexJwt>();
    expectTypeOf(
      await verifyPlexJwt("t", { keys: [], clientIdentifier: "x" }),
    ).toEqualTypeOf<PlexJwtClaims>();
    const provider = createJwtTokenProvider({ client, key });
    // The provider is an accessToken for createPlexClient (core's AccessTokenContext contract).
    expectTypeOf(provider).toExtend<AccessToken>();
    createPlexClient({ clientIdentifier: "x", accessToken: provider });
    expectTypeOf((await prepareJwtPinLogin(client, { key })).deviceJWT).toEqualTypeOf<string>();
    // @ts-expect-error a key is required
    await refreshJwt(client, {});
  });

  it("Plex Home", async () => {
    const client = createPlexClient({ clientIdentifier: "x" });
    expectTypeOf((await getHomeUsers(client)).data.users).toEqualTypeOf<HomeUser[]>();
    expectTypeOf(await switchHomeUser(client, { uuid: "u", pin: "1234" })).toEqualTypeOf<
      PlexResponse<UserPlexAccount>
    >();
    // @ts-expect-error uuid is required
    await switchHomeUser(client, { pin: "1234" });
  });
});
