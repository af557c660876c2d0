import { DEMO_JWT } from "../../constants.js";
import { checkToken, clientIdentifierOf } from "../authenticate.js";
import type { DemoContext, DemoRoute } from "../context.js";
import { decodeJws, thumbprintOf, verifyJws } from "../jws.js";
import { invalidToken, plexError, respondWith, statusError, tokenExpired } from "../respond.js";
import { ERRORS } from "./errors.js";

// The demo clients.plex.tv (`/api/v2/auth/*`): the JWT flow as python-plexapi drives it against real Plex.

export async function jsonBody(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const value: unknown = await request.json();
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function isKeyPart(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * Signs a Plex JWT for the demo account and the device key `kid`, with the claims the scopes ask for, and remembers
 * it (so an expired one is answered 498). Used by `/auth/token` and by a PIN created with a `jwk`.
 */
export async function issuePlexJwt(
  context: DemoContext,
  { kid, scope, clientIdentifier }: { kid: string; scope: string; clientIdentifier: string },
): Promise<string> {
  const iat = Math.floor(context.now().getTime() / 1000);
  const exp = iat + context.jwt.lifetimeSec;
  const user = context.data.users.plain as Record<string, unknown>;
  const scopes = scope === "" ? [] : scope.split(",");
  const scoped = Object.fromEntries(
    scopes.filter((name) => name in SCOPE_CLAIMS).map((name) => [name, SCOPE_CLAIMS[name]!(user)]),
  );
  const token = await context.jwt.sign({
    ...scoped,
    sub: user.uuid,
    user: { id: user.id, uuid: user.uuid },
    thumbprint: kid,
    scope: scopes.join(","),
    iss: "plex.tv",
    aud: ["plex.tv", clientIdentifier],
    iat,
    exp,
  });
  context.jwt.issued.set(token, { exp, kid, clientIdentifier });
  return token;
}

/** `GET /api/v2/auth/nonce`: a single-use nonce, valid 5 minutes; more than 30 a minute per device get 429. */
export const nonceRoute: DemoRoute = (context) => {
  const clientIdentifier = clientIdentifierOf(context)!;
  const now = context.now().getTime();
  const minute = Math.floor(now / 60_000);
  const seen = context.jwt.nonceRequests.get(clientIdentifier);
  const count = seen && seen.minute === minute ? seen.count + 1 : 1;
  context.jwt.nonceRequests.set(clientIdentifier, { minute, count });
  if (count > DEMO_JWT.noncesPerMinute) return plexError(context.request, ERRORS.rateLimited);
  for (const [nonce, entry] of context.jwt.nonces)
    if (entry.expiresAt <= now) context.jwt.nonces.delete(nonce);
  const nonce = crypto.randomUUID();
  context.jwt.nonces.set(nonce, { expiresAt: now + DEMO_JWT.nonceLifetimeSec * 1000, clientIdentifier });
  return respondWith(context.request, 200, "nonce", { nonce });
};

/** `POST /api/v2/auth/jwk` with the account token: registers a device's Ed25519 public key once. */
export const registerJwkRoute: DemoRoute = async (context) => {
  const check = checkToken(context);
  if (check.kind === "revoked") return invalidToken();
  if (check.kind === "expired") return tokenExpired(context.request);
  if (check.kind !== "valid") return plexError(context.request, ERRORS.unauthorized);
  const jwk = (await jsonBody(context.request))?.jwk as Record<string, unknown> | undefined;
  if (jwk?.kty !== "OKP" || jwk.crv !== "Ed25519" || !isKeyPart(jwk.x)) {
    return statusError(context.request, 400, "Bad Request");
  }
  const kid = typeof jwk.kid === "string" && jwk.kid !== "" ? jwk.kid : await thumbprintOf(jwk.x);
  if (context.jwt.deviceKeys.has(kid)) {
    return new Response(JSON.stringify({ errors: [{ message: "thumbprint already taken", status: 422 }] }), {
      status: 422,
      headers: { "content-type": "application/json; charset=utf-8" },
    });
  }
  context.jwt.deviceKeys.set(kid, { x: jwk.x, clientIdentifier: clientIdentifierOf(context)! });
  return new Response(null, { status: 204 });
};

/** `GET /api/v2/auth/keys`: the two published signing keys (previous and current). */
export const jwtKeysRoute: DemoRoute = async (context) => {
  const keys = await context.jwt.signingKeys();
  return respondWith(context.request, 200, "keys", { keys: keys.map((key) => ({ ...key.publicJwk })) });
};

const SCOPE_CLAIMS: Record<string, (user: Record<string, unknown>) => unknown> = {
  username: (user) => user.username,
  email: (user) => user.email,
  friendly_name: (user) => user.friendlyName,
  restricted: (user) => user.restricted,
  anonymous: (user) => user.anonymous,
  joinedAt: (user) => user.joinedAt,
};

/**
 * `POST /api/v2/auth/token { jwt }`: checks the device JWT as Plex does (EdDSA signature by a registered key,
 * a live unused nonce, `aud` plex.tv, `iss` = the caller's client identifier, not expired), then issues a Plex
 * JWT signed with the current demo key, valid `lifetimeSec` (7 days). Anything wrong: 401 code 1001.
 */
export const exchangeJwtRoute: DemoRoute = async (context) => {
  const refuse = () => plexError(context.request, ERRORS.unauthorized);
  const body = await jsonBody(context.request);
  const jws = typeof body?.jwt === "string" ? decodeJws(body.jwt) : null;
  if (!jws) return refuse();
  const kid = jws.header.kid;
  const device = typeof kid === "string" ? context.jwt.deviceKeys.get(kid) : undefined;
  if (!device || !(await verifyJws(jws, device.x))) return refuse();
  const claims = jws.payload;
  const now = context.now().getTime();
  const clientIdentifier = clientIdentifierOf(context)!;
  const nonce = typeof claims.nonce === "string" ? context.jwt.nonces.get(claims.nonce) : undefined;
  if (!nonce || nonce.expiresAt <= now) return refuse();
  context.jwt.nonces.delete(claims.nonce as string); // single use
  if (claims.aud !== "plex.tv" || claims.iss !== clientIdentifier) return refuse();
  if (typeof claims.exp !== "number" || claims.exp * 1000 <= now) return refuse();

  const scope = typeof claims.scope === "string" ? claims.scope : "";
  const token = await issuePlexJwt(context, { kid: kid as string, scope, clientIdentifier });
  return respondWith(context.request, 200, "token", { auth_token: token });
};
