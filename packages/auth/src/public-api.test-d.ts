import { describe, expectTypeOf, it } from "vitest";
import {
  type Authentication,
  type BuildAuthAppURLRequest,
  buildAuthAppURL,
  type Connection,
  type CreatePinOptions,
  type CreatePinRequest,
  createPin,
  createPlexClient,
  type GetPinOptions,
  getPin,
  getSourceConnectionInformation,
  getTokenDetails,
  getTransientToken,
  type JwtPinLogin,
  type Pin,
  PlexAPI,
  type PlexAPIError,
  type PlexClient,
  type PlexClientOptions,
  type PlexPinExpiredError,
  type PlexResponse,
  type PostUsersSignInDataRequest,
  postUsersSignInData,
  type RequestOptions,
  type UserPlexAccount,
  type WaitForPinTokenOptions,
  waitForPinToken,
} from "./index.js";

describe("public types of @plex/auth", () => {
  it("types each operation's data", async () => {
    const client = createPlexClient({ clientIdentifier: "x" });

    const token = await getTransientToken(client, { type: "delegation", scope: "all" });
    expectTypeOf(token.data.MediaContainer.token).toEqualTypeOf<string>();
    expectTypeOf(token).toExtend<PlexResponse<unknown>>();

    const source = await getSourceConnectionInformation(client, { source: "server://x" });
    expectTypeOf(source.data.MediaContainer.Device.accessToken).toEqualTypeOf<string>();
    expectTypeOf(source.data.MediaContainer.Device.Connection).toEqualTypeOf<Connection[]>();

    const me = await getTokenDetails(client);
    expectTypeOf(me.data).toEqualTypeOf<UserPlexAccount>();
    expectTypeOf(me.statusCode).toEqualTypeOf<number>();

    const signedIn = await postUsersSignInData(client, { requestBody: { login: "l", password: "p" } });
    expectTypeOf(signedIn.data.authToken).toEqualTypeOf<string>();
  });

  it("takes the client first and per-call options last", () => {
    expectTypeOf(getTokenDetails).parameter(0).toEqualTypeOf<PlexClient>();
    expectTypeOf(getTokenDetails).parameter(2).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(postUsersSignInData).parameter(1).toEqualTypeOf<PostUsersSignInDataRequest>();
    // @ts-expect-error the request body is required
    postUsersSignInData(createPlexClient({ clientIdentifier: "x" }), {});
    // @ts-expect-error only "delegation" is a transient token type
    getTransientToken(createPlexClient({ clientIdentifier: "x" }), { type: "user", scope: "all" });
  });

  it("gives PlexAPI the same methods as the standalone functions, minus the client", () => {
    expectTypeOf(PlexAPI).constructorParameters.toExtend<[PlexClientOptions | PlexClient]>();
    const plex = new PlexAPI({ clientIdentifier: "x" });
    expectTypeOf(plex.authentication).toEqualTypeOf<Authentication>();
    expectTypeOf(plex.withAccessToken("t")).toEqualTypeOf<PlexAPI>();
    expectTypeOf(plex.authentication.getTokenDetails).returns.toEqualTypeOf<
      ReturnType<typeof getTokenDetails>
    >();
    expectTypeOf(plex.authentication.postUsersSignInData)
      .parameter(0)
      .toEqualTypeOf<PostUsersSignInDataRequest>();
  });

  it("types the PIN login", async () => {
    const client = createPlexClient({ clientIdentifier: "x", product: "p" });
    const created = await createPin(client, { strong: true });
    expectTypeOf(created).toEqualTypeOf<PlexResponse<Pin>>();
    expectTypeOf(created.data.id).toEqualTypeOf<number>();
    expectTypeOf(created.data.code).toEqualTypeOf<string>();
    expectTypeOf(created.data.authToken).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(createPin).parameter(1).toEqualTypeOf<CreatePinOptions | undefined>();
    expectTypeOf<CreatePinOptions>().toExtend<CreatePinRequest>();
    expectTypeOf<CreatePinOptions["jwt"]>().toEqualTypeOf<JwtPinLogin | undefined>();
    expectTypeOf<GetPinOptions["deviceJWT"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<WaitForPinTokenOptions["jwt"]>().toEqualTypeOf<JwtPinLogin | undefined>();
    expectTypeOf(await getPin(client, { id: 1 })).toEqualTypeOf<PlexResponse<Pin>>();
    expectTypeOf(waitForPinToken(client, created.data)).toEqualTypeOf<Promise<string>>();
    expectTypeOf<WaitForPinTokenOptions["signal"]>().toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf(buildAuthAppURL).parameter(0).toEqualTypeOf<BuildAuthAppURLRequest>();
    expectTypeOf(buildAuthAppURL).returns.toEqualTypeOf<string>();
    expectTypeOf<PlexPinExpiredError>().toExtend<PlexAPIError>();
    // @ts-expect-error the PIN id is a number
    getPin(client, { id: "1" });
    // @ts-expect-error clientIdentifier and code are required
    buildAuthAppURL({ code: "k" });

    const plex = new PlexAPI(client);
    expectTypeOf(plex.authentication.createPin).returns.toEqualTypeOf<ReturnType<typeof createPin>>();
    // The bound method fills clientIdentifier from the client.
    expectTypeOf(plex.authentication.buildAuthAppURL({ code: "k" })).toEqualTypeOf<string>();
  });
});
