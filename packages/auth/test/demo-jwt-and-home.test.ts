import {
  createPlexClient,
  PlexDeviceKeyTakenError,
  PlexHomePinRequiredError,
  PlexInvalidJwtError,
} from "@plex/core";
import { createDemoPlex, DEMO_CLIENT_IDENTIFIER, DEMO_HOME, DEMO_TOKENS } from "@plex/demo-plex";
import { demoHandlers } from "@plex/demo-plex/msw";
import { rejection } from "@plex/demo-plex/recording";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createJwtTokenProvider,
  createPlexJwtKeySource,
  generateDeviceKey,
  getHomeUsers,
  getTokenDetails,
  refreshJwt,
  registerDeviceKey,
  switchHomeUser,
  verifyPlexJwt,
} from "../src/index.js";

// The whole flow against the demo clients.plex.tv, which checks device JWTs with the real algorithm and signs
// Plex JWTs with its own rotating keys. The client keeps the default plex.tv URL: JWT calls go to clients.plex.tv.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function useDemo(options: Parameters<typeof createDemoPlex>[0] = {}) {
  const demo = createDemoPlex(options);
  server.use(...demoHandlers({ demo }));
  const account = createPlexClient({
    clientIdentifier: DEMO_CLIENT_IDENTIFIER,
    accessToken: DEMO_TOKENS.account,
    retry: false,
  });
  return { demo, account };
}

describe("JWT flow against the demo clients.plex.tv", () => {
  it("register → refresh → verify (thumbprint = our kid) → use the JWT on plex.tv", async () => {
    const { account } = useDemo();
    const key = await generateDeviceKey();
    await registerDeviceKey(account, { key });
    expect(await rejection(registerDeviceKey(account, { key }))).toBeInstanceOf(PlexDeviceKeyTakenError);

    const { token, expiresAt } = await refreshJwt(account, { key });
    expect(expiresAt - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);

    const keys = createPlexJwtKeySource(account);
    const claims = await verifyPlexJwt(token, { keys, clientIdentifier: DEMO_CLIENT_IDENTIFIER, key });
    expect(claims).toMatchObject({ iss: "plex.tv", thumbprint: key.kid, username: "demo-viewer" });

    const asJwt = account.withOptions({ accessToken: token });
    expect((await getTokenDetails(asJwt)).data.username).toBe("demo-viewer");
  });

  it("after the demo rotates its keys, a new token verifies through one refetch of /auth/keys", async () => {
    const { demo, account } = useDemo();
    const key = await generateDeviceKey();
    await registerDeviceKey(account, { key });
    const keys = createPlexJwtKeySource(account);
    await verifyPlexJwt((await refreshJwt(account, { key })).token, {
      keys,
      clientIdentifier: DEMO_CLIENT_IDENTIFIER,
    });
    await demo.jwt.rotateSigningKeys();
    const rotated = (await refreshJwt(account, { key })).token;
    await expect(
      verifyPlexJwt(rotated, { keys, clientIdentifier: DEMO_CLIENT_IDENTIFIER, key }),
    ).resolves.toMatchObject({ thumbprint: key.kid });
  });

  it("an unregistered key cannot refresh; a token from another issuer does not verify", async () => {
    const { account } = useDemo();
    const stranger = await generateDeviceKey();
    await expect(refreshJwt(account, { key: stranger })).rejects.toMatchObject({ statusCode: 401 });
    const keys = createPlexJwtKeySource(account);
    const error = await rejection(
      verifyPlexJwt("eyJhbGciOiJub25lIn0.eyJpc3MiOiJwbGV4LnR2In0.", {
        keys,
        clientIdentifier: DEMO_CLIENT_IDENTIFIER,
      }),
    );
    expect(error).toBeInstanceOf(PlexInvalidJwtError);
  });

  it("a bot on createJwtTokenProvider: the demo's JWT expires (498), one refresh, one retry, no human", async () => {
    const { account } = useDemo({ jwtLifetimeSec: 1 });
    const key = await generateDeviceKey();
    await registerDeviceKey(account, { key });
    // The provider's clock lags a minute behind the demo's, so only Plex's 498 tells it the token expired: the
    // hook is what is tested here, not the refresh ahead of time.
    const accessToken = createJwtTokenProvider({
      client: account,
      key,
      refreshWithinMs: 0,
      now: () => Date.now() - 60_000,
    });
    const bot = createPlexClient({ clientIdentifier: DEMO_CLIENT_IDENTIFIER, accessToken, retry: false });

    await getTokenDetails(bot);
    const first = accessToken.current()?.token;
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await getTokenDetails(bot);
    expect(accessToken.current()?.token).not.toBe(first);
  });
});

describe("Plex Home against the demo", () => {
  it("lists the home and switches to the PIN-protected member only with the right PIN", async () => {
    const { account } = useDemo();
    const { data } = await getHomeUsers(account);
    const member = data.users.find((user) => user.protected)!;
    expect(member.uuid).toBe(DEMO_HOME.memberUuid);

    expect(await rejection(switchHomeUser(account, { uuid: member.uuid }))).toBeInstanceOf(
      PlexHomePinRequiredError,
    );
    expect(await rejection(switchHomeUser(account, { uuid: member.uuid, pin: "0000" }))).toBeInstanceOf(
      PlexHomePinRequiredError,
    );
    const switched = await switchHomeUser(account, { uuid: member.uuid, pin: DEMO_HOME.memberPin });
    const asMember = account.withOptions({ accessToken: switched.data.authToken });
    expect((await getTokenDetails(asMember)).data.uuid).toBe(DEMO_HOME.memberUuid);

    const managed = data.users.find((user) => user.restricted)!;
    expect((await switchHomeUser(account, { uuid: managed.uuid })).data.authToken).toBe(
      DEMO_TOKENS.homeManaged,
    );
  });
});
