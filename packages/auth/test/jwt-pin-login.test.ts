import { inspect } from "node:util";
import { createPlexClient, PlexUnauthorizedError } from "@plex/core";
import { createDemoPlex, DEMO_CLIENT_IDENTIFIER } from "@plex/demo-plex";
import { demoHandlers } from "@plex/demo-plex/msw";
import { rejection } from "@plex/demo-plex/recording";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createPin,
  createPlexJwtKeySource,
  generateDeviceKey,
  getPin,
  getTokenDetails,
  prepareJwtPinLogin,
  refreshJwt,
  verifyPlexJwt,
  waitForPinToken,
} from "../src/index.js";

// PIN login that ends in a Plex JWT (python-plexapi's MyPlexJWTLogin): the PIN is created on clients.plex.tv with
// the device's public key, polled with a device JWT, and its authToken is then a Plex JWT for that key.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const CLIENTS = "https://clients.plex.tv/api/v2";

function demoClient() {
  const demo = createDemoPlex({ pinClaimAfterPolls: 2 });
  server.use(...demoHandlers({ demo }));
  const client = createPlexClient({
    clientIdentifier: DEMO_CLIENT_IDENTIFIER,
    product: "JWT PIN test",
    retry: false,
  });
  return { demo, client };
}

describe("PIN login that yields a Plex JWT", () => {
  it("createPin({ jwt }) → waitForPinToken({ jwt }) gives a Plex JWT for the key, and the key is registered", async () => {
    const { client } = demoClient();
    const key = await generateDeviceKey();
    const jwt = await prepareJwtPinLogin(client, { key });
    const { data: pin } = await createPin(client, { strong: true, jwt });

    const token = await waitForPinToken(client, pin, { jwt, intervalMs: 100 });

    const claims = await verifyPlexJwt(token, {
      keys: createPlexJwtKeySource(client),
      clientIdentifier: DEMO_CLIENT_IDENTIFIER,
      key,
    });
    expect(claims.thumbprint).toBe(key.kid);
    const account = client.withOptions({ accessToken: token });
    expect((await getTokenDetails(account)).data.username).toBe("demo-viewer");
    // The approved PIN registered the key: the device can refresh on its own from now on.
    const refreshed = await refreshJwt(account, { key });
    expect(refreshed.expiresAt).toBeGreaterThan(Date.now());
    // A key that never went through an approved PIN is not registered, so the same call is refused.
    const stranger = await rejection(refreshJwt(account, { key: await generateDeviceKey() }));
    expect(stranger).toBeInstanceOf(PlexUnauthorizedError);
  });

  it("sends the public key as JSON to clients.plex.tv, and polls with deviceJWT in the query", async () => {
    const seen: { method: string; url: URL; type: string | null; body: string }[] = [];
    const key = await generateDeviceKey();
    server.use(
      http.get(`${CLIENTS}/auth/nonce`, () =>
        HttpResponse.json({ nonce: "0b5e0a4e-3c1f-4f4f-9b3e-2b7c6d1e9a10" }),
      ),
      http.all(`${CLIENTS}/pins*`, async ({ request }) => {
        seen.push({
          method: request.method,
          url: new URL(request.url),
          type: request.headers.get("content-type"),
          body: await request.text(),
        });
        return HttpResponse.json(
          { id: 4242, code: "K7QX", authToken: null, expiresIn: 900, expiresAt: "2099-01-01T00:00:00Z" },
          { status: request.method === "POST" ? 201 : 200 },
        );
      }),
    );
    const client = createPlexClient({
      clientIdentifier: "jwt-pin-contract",
      product: "JWT PIN test",
      retry: false,
    });
    const jwt = await prepareJwtPinLogin(client, { key });

    await createPin(client, { strong: true, jwt });
    await getPin(jwt.client, { id: 4242, deviceJWT: await jwt.deviceJwtForPoll() });

    expect(seen[0]).toMatchObject({ method: "POST", type: "application/json" });
    expect(seen[0]!.url.href).toBe(`${CLIENTS}/pins?strong=true`);
    const sent = JSON.parse(seen[0]!.body);
    expect(sent).toEqual({ jwk: { ...key.publicJwk } });
    expect(sent.jwk).not.toHaveProperty("d"); // never the private half
    expect(seen[1]!.method).toBe("GET");
    expect(seen[1]!.url.searchParams.get("deviceJWT")).toBe(jwt.deviceJWT);
  });

  it("a poll with a device JWT from another key is refused, and the device JWT never shows in the error", async () => {
    const { client } = demoClient();
    const jwt = await prepareJwtPinLogin(client, { key: await generateDeviceKey() });
    const other = await prepareJwtPinLogin(client, { key: await generateDeviceKey() });
    const { data: pin } = await createPin(client, { strong: true, jwt });

    const error = await rejection(
      waitForPinToken(client, pin, { jwt: other, intervalMs: 100, timeoutMs: 5_000 }),
    );

    expect(error).toBeInstanceOf(PlexUnauthorizedError);
    const shown = `${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`;
    expect(shown).not.toContain(other.deviceJWT);
    expect(shown).not.toContain(other.deviceJWT.split(".")[2]);
  });

  it("refuses a jwt option that did not come from prepareJwtPinLogin, before sending anything", async () => {
    const client = createPlexClient({ clientIdentifier: "jwt-pin-contract", product: "JWT PIN test" });
    const bogus = { pinBody: "nope" } as never;
    await expect(createPin(client, { jwt: bogus })).rejects.toThrow(/prepareJwtPinLogin/);
    await expect(waitForPinToken(client, { id: 1 }, { jwt: bogus })).rejects.toThrow(/prepareJwtPinLogin/);
    await expect(getPin(client, { id: 1, deviceJWT: "not a jwt" })).rejects.toThrow(/compact JWT/);
  });
});
