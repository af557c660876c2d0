import { createPlexClient, type PlexClientOptions, PlexInvalidJwtError } from "@plex/core";
import {
  TEST_IDENTITY as IDENTITY,
  json,
  rejection,
  TEST_CLIENT_OPTIONS,
  useRecordingServer as useMockPlex,
} from "@plex/demo-plex/recording";
import { describe, expect, it } from "vitest";
import { createPlexJwtKeySource } from "../src/create-plex-jwt-key-source.js";
import { generateDeviceKey } from "../src/device-key.js";
import { encodeJsonBase64url } from "../src/internal/base64url.js";
import { verifyPlexJwt } from "../src/verify-plex-jwt.js";
import { CLIENTS_URL, DAY_SEC, plexSigner } from "./support/fake-plex-jwt.js";

const testClient = (overrides: Partial<PlexClientOptions> = {}) =>
  createPlexClient({ ...TEST_CLIENT_OPTIONS, ...overrides });

const mock = useMockPlex();
const clientIdentifier = IDENTITY.clientIdentifier;

async function rejected(token: string, options: Parameters<typeof verifyPlexJwt>[1]) {
  const error = await rejection(verifyPlexJwt(token, options));
  expect(error).toBeInstanceOf(PlexInvalidJwtError);
  if (token.length > 16) {
    expect(JSON.stringify(error)).not.toContain(token);
    expect((error as Error).message).not.toContain(token.split(".")[1]);
  }
  return (error as PlexInvalidJwtError).check;
}

describe("verifyPlexJwt", () => {
  it("round trip: a token signed with Plex's key verifies and returns its claims", async () => {
    const plex = await plexSigner();
    const device = await generateDeviceKey();
    const token = await plex.issue({ aud: clientIdentifier, thumbprint: device.kid, username: "kim" });

    const claims = await verifyPlexJwt(token, { keys: [plex.jwk], clientIdentifier, key: device });

    expect(claims).toMatchObject({
      iss: "plex.tv",
      aud: clientIdentifier,
      thumbprint: device.kid,
      username: "kim",
    });
    expect(claims.exp - claims.iat).toBe(7 * DAY_SEC);
  });

  it("accepts aud plex.tv or an audience list holding either", async () => {
    const plex = await plexSigner();
    for (const aud of ["plex.tv", ["other", clientIdentifier]]) {
      await expect(
        verifyPlexJwt(await plex.issue({ aud }), { keys: { keys: [plex.jwk] }, clientIdentifier }),
      ).resolves.toBeTruthy();
    }
  });

  it("rejects a tampered signature, a tampered payload and a token signed by another key", async () => {
    const plex = await plexSigner();
    const token = await plex.issue();
    const [head, body, sig] = token.split(".") as [string, string, string];
    const flipped = `${head}.${body}.${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    expect(await rejected(flipped, { keys: [plex.jwk], clientIdentifier })).toBe("signature");

    const forgedBody = encodeJsonBase64url({
      ...JSON.parse(atob(body.replace(/-/g, "+").replace(/_/g, "/"))),
      username: "admin",
    });
    expect(await rejected(`${head}.${forgedBody}.${sig}`, { keys: [plex.jwk], clientIdentifier })).toBe(
      "signature",
    );

    const impostor = await plexSigner(); // same kid, another key
    expect(await rejected(await impostor.issue(), { keys: [plex.jwk], clientIdentifier })).toBe("signature");
  });

  it("rejects a wrong iss and a wrong aud", async () => {
    const plex = await plexSigner();
    const keys = [plex.jwk];
    expect(await rejected(await plex.issue({ iss: "evil.example" }), { keys, clientIdentifier })).toBe("iss");
    expect(await rejected(await plex.issue({ aud: "someone-else" }), { keys, clientIdentifier })).toBe("aud");
    expect(await rejected(await plex.issue({ aud: undefined }), { keys, clientIdentifier })).toBe("aud");
  });

  it("rejects an expired token, a token from the future and one not valid yet, within the clock tolerance", async () => {
    const plex = await plexSigner();
    const keys = [plex.jwk];
    const now = Math.floor(Date.now() / 1000);
    expect(
      await rejected(await plex.issue({ iat: now - 8 * DAY_SEC, exp: now - 60 }), { keys, clientIdentifier }),
    ).toBe("exp");
    // 10 s past exp is inside the default 30 s tolerance.
    await expect(
      verifyPlexJwt(await plex.issue({ exp: now - 10 }), { keys, clientIdentifier }),
    ).resolves.toBeTruthy();
    expect(await rejected(await plex.issue({ iat: now + 600 }), { keys, clientIdentifier })).toBe("iat");
    expect(await rejected(await plex.issue({ nbf: now + 600 }), { keys, clientIdentifier })).toBe("nbf");
    expect(await rejected(await plex.issue({ exp: "never" }), { keys, clientIdentifier })).toBe("exp");
    expect(
      await rejected(await plex.issue({ exp: now + 100 }), {
        keys,
        clientIdentifier,
        now: (now + 200) * 1000,
        clockToleranceMs: 0,
      }),
    ).toBe("exp");
  });

  it("rejects alg none, HS256 and a missing alg before looking for a key", async () => {
    const plex = await plexSigner();
    const token = await plex.issue();
    const [, body, sig] = token.split(".") as [string, string, string];
    let lookups = 0;
    const keys = {
      getKeys: async () => {
        lookups += 1;
        return [plex.jwk];
      },
    };
    for (const header of [
      { alg: "none", kid: plex.jwk.kid },
      { alg: "HS256", kid: plex.jwk.kid },
      { kid: plex.jwk.kid },
      { alg: "Ed25519", kid: plex.jwk.kid },
    ]) {
      const forged = `${encodeJsonBase64url(header)}.${body}.`;
      expect(await rejected(forged, { keys, clientIdentifier })).toMatch(/alg|format/);
      expect(
        await rejected(`${encodeJsonBase64url(header)}.${body}.${sig}`, { keys, clientIdentifier }),
      ).toBe("alg");
    }
    expect(lookups).toBe(0);
  });

  it("rejects garbage as format", async () => {
    const keys = [(await plexSigner()).jwk];
    for (const token of ["", "a.b", "a.b.c.d", "!!.!!.!!", `${btoa("[]")}.${btoa("{}")}.AA`]) {
      expect(await rejected(token, { keys, clientIdentifier })).toBe("format");
    }
  });

  it("checks the thumbprint claim against our key when one is given", async () => {
    const plex = await plexSigner();
    const mine = await generateDeviceKey();
    const other = await generateDeviceKey();
    const token = await plex.issue({ thumbprint: other.kid });
    expect(await rejected(token, { keys: [plex.jwk], clientIdentifier, key: mine })).toBe("thumbprint");
    expect(await rejected(await plex.issue(), { keys: [plex.jwk], clientIdentifier, key: mine })).toBe(
      "thumbprint",
    );
  });

  it("an unknown kid: fetches /auth/keys once more (rotation) and then verifies", async () => {
    const oldKey = await plexSigner("plex-2025");
    const newKey = await plexSigner("plex-2026");
    let served = [oldKey.jwk];
    mock.answer(`${CLIENTS_URL}/auth/keys`, () => json({ keys: served }));
    const keys = createPlexJwtKeySource(testClient());
    await verifyPlexJwt(await oldKey.issue(), { keys, clientIdentifier });
    expect(mock.seen).toHaveLength(1);

    served = [oldKey.jwk, newKey.jwk];
    await verifyPlexJwt(await newKey.issue(), { keys, clientIdentifier });
    expect(mock.seen).toHaveLength(2);
    // Known kids are served from the cache.
    await verifyPlexJwt(await oldKey.issue(), { keys, clientIdentifier });
    expect(mock.seen).toHaveLength(2);
  });

  it("a kid that stays unknown after one refetch is rejected; forged kids do not make it refetch again", async () => {
    const plex = await plexSigner("plex-real");
    const stranger = await plexSigner("not-plex");
    mock.answer(`${CLIENTS_URL}/auth/keys`, () => json({ keys: [plex.jwk] }));
    const keys = createPlexJwtKeySource(testClient());
    expect(await rejected(await stranger.issue(), { keys, clientIdentifier })).toBe("kid");
    expect(mock.seen).toHaveLength(2); // first load + one refetch
    expect(await rejected(await stranger.issue(), { keys, clientIdentifier })).toBe("kid");
    expect(mock.seen).toHaveLength(2); // within minRefreshIntervalMs: no third fetch
    // A static key set cannot be refetched: an unknown kid is rejected at once.
    expect(await rejected(await stranger.issue(), { keys: [plex.jwk], clientIdentifier })).toBe("kid");
  });

  it("ignores a published key with another algorithm or curve under the same kid", async () => {
    const plex = await plexSigner();
    const token = await plex.issue();
    expect(await rejected(token, { keys: [{ ...plex.jwk, alg: "RS256" }], clientIdentifier })).toBe("kid");
    expect(await rejected(token, { keys: [{ ...plex.jwk, crv: "Ed448" }], clientIdentifier })).toBe("kid");
  });
});
