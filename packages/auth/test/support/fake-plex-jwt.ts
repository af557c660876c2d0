import { json, type useRecordingServer } from "@plex/demo-plex/recording";
import { generateDeviceKey } from "../../src/device-key.js";
import { signJwt } from "../../src/internal/jws.js";

export const CLIENTS_URL = "https://clients.plex.tv/api/v2";
export const DAY_SEC = 24 * 60 * 60;

/** A made-up Plex signing key and a helper that issues Plex-shaped JWTs with it. */
export async function plexSigner(kid = "plex-test-key-1") {
  const key = await generateDeviceKey();
  return {
    /** The public key as /auth/keys would list it. */
    jwk: { ...key.publicJwk, kid },
    /** A Plex JWT with these claims over defaults (iss and aud plex.tv, issued now, 7 days). */
    issue(claims: Record<string, unknown> = {}, header: { kid?: string } = {}): Promise<string> {
      const iat = Math.floor(Date.now() / 1000);
      return signJwt(
        key,
        { iss: "plex.tv", aud: "plex.tv", iat, exp: iat + 7 * DAY_SEC, ...claims },
        header.kid ?? kid,
      );
    },
  };
}

/**
 * Serves GET /auth/nonce, POST /auth/token and GET /auth/keys on clients.plex.tv through msw. Each exchange
 * issues a Plex JWT valid `lifetimeSec`; `state` counts exchanges so tests can assert single flight.
 */
export async function serveJwtExchange(
  mock: ReturnType<typeof useRecordingServer>,
  options: { lifetimeSec?: number; delayMs?: number } = {},
) {
  const plex = await plexSigner();
  const state = { exchanges: 0, nonces: 0, lifetimeSec: options.lifetimeSec ?? 7 * DAY_SEC };
  mock.answer(`${CLIENTS_URL}/auth/nonce`, () => {
    state.nonces += 1;
    return json({ nonce: crypto.randomUUID() });
  });
  mock.answer(`${CLIENTS_URL}/auth/token`, async () => {
    state.exchanges += 1;
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const iat = Math.floor(Date.now() / 1000);
    return json({ auth_token: await plex.issue({ iat, exp: iat + state.lifetimeSec, n: state.exchanges }) });
  });
  mock.answer(`${CLIENTS_URL}/auth/keys`, () => json({ keys: [plex.jwk] }));
  return { plex, state };
}
