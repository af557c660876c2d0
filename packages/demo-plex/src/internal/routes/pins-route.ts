import { DEMO_TOKENS } from "../../constants.js";
import type { DemoPin } from "../../demo-data.js";
import { checkToken, clientIdentifierOf } from "../authenticate.js";
import type { DemoContext, DemoRoute } from "../context.js";
import { decodeJws, thumbprintOf, verifyJws } from "../jws.js";
import { plexError, respondWith, statusError } from "../respond.js";
import { ERRORS } from "./errors.js";
import { isKeyPart, issuePlexJwt, jsonBody } from "./jwt-routes.js";

const PIN_LIFETIME_S = 900;
const STRONG_PIN_LIFETIME_S = 1800;
const FIRST_PIN_ID = 880001;
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * Codes derive from the id so runs are reproducible: no randomness in the demo. Integer mixing (32-bit, as in
 * a hash) spreads every bit of the id over every character: a plain LCG in doubles loses its low bits once the
 * product passes 2^53, which made the codes nearly constant ("GAAA…").
 */
export function codeFor(id: number, length: number): string {
  let code = "";
  // The length joins the seed so a 4-character code is not the start of the same id's strong code.
  let state = (id ^ Math.imul(length, 0x9e3779b9)) >>> 0;
  for (let index = 0; index < length; index += 1) {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    mixed = (mixed ^ (mixed >>> 14)) >>> 0;
    code += CODE_ALPHABET[mixed % CODE_ALPHABET.length];
  }
  return code;
}

function toWire(pin: DemoPin, now: Date): Record<string, unknown> {
  const { polls: _polls, jwk: _jwk, plexJwt, ...wire } = pin;
  const left = Math.max(0, Math.round((Date.parse(pin.expiresAt) - now.getTime()) / 1000));
  return { ...wire, expiresIn: left, ...(plexJwt === undefined ? {} : { authToken: plexJwt }) };
}

/**
 * The device key of a JWT PIN login: `{ jwk }` in a JSON body (python-plexapi's MyPlexJWTLogin). `null` for a
 * classic PIN, `undefined` for a body that is JSON but carries no usable Ed25519 public key.
 */
async function deviceKeyOf(request: Request): Promise<DemoPin["jwk"] | null> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!type.startsWith("application/json")) return null;
  const jwk = (await jsonBody(request))?.jwk as Record<string, unknown> | undefined;
  if (jwk?.kty !== "OKP" || jwk.crv !== "Ed25519" || !isKeyPart(jwk.x)) return undefined;
  const kid = typeof jwk.kid === "string" && jwk.kid !== "" ? jwk.kid : await thumbprintOf(jwk.x);
  return { x: jwk.x, kid };
}

/**
 * Polling a JWT PIN needs the device JWT (`deviceJWT` query parameter) signed by the PIN's key, for plex.tv, by
 * this client, with a live nonce. Polls reuse it (as python-plexapi does), so the nonce is not consumed here.
 */
async function deviceJwtIsValid(
  context: DemoContext,
  pin: DemoPin & { jwk: { x: string } },
): Promise<boolean> {
  const jws = decodeJws(context.url.searchParams.get("deviceJWT") ?? "");
  if (!jws || !(await verifyJws(jws, pin.jwk.x))) return false;
  const claims = jws.payload;
  const now = context.now().getTime();
  const nonce = typeof claims.nonce === "string" ? context.jwt.nonces.get(claims.nonce) : undefined;
  return (
    nonce !== undefined &&
    nonce.expiresAt > now &&
    claims.aud === "plex.tv" &&
    claims.iss === pin.clientIdentifier &&
    typeof claims.exp === "number" &&
    claims.exp * 1000 > now
  );
}

function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** `POST /api/v2/pins` (`?strong=true` for the long code used with app.plex.tv/auth). */
export const createPinRoute: DemoRoute = async (context: DemoContext) => {
  const { data, url, request } = context;
  const jwk = await deviceKeyOf(request);
  if (jwk === undefined) return statusError(request, 400, "Bad Request");
  const strong = url.searchParams.get("strong") === "true";
  const id = FIRST_PIN_ID + data.pins.size;
  const code = codeFor(id, strong ? 25 : 4);
  const now = context.now();
  const lifetime = context.pinLifetimeSeconds ?? (strong ? STRONG_PIN_LIFETIME_S : PIN_LIFETIME_S);
  const pin: DemoPin = {
    id,
    code,
    product: request.headers.get("x-plex-product") ?? "0",
    trusted: false,
    qr: `https://plex.tv/api/v2/pins/qr/${code}`,
    clientIdentifier: clientIdentifierOf(context) ?? "",
    location: {
      code: "NZ",
      european_union_member: false,
      continent_code: "OC",
      country: "New Zealand",
      city: "Demo Bay",
      time_zone: "Pacific/Auckland",
      postal_code: "9999",
      in_privacy_restricted_country: false,
      in_privacy_restricted_region: false,
      subdivisions: "Demo Region",
      coordinates: "-41.0000, 174.0000",
    },
    expiresIn: lifetime,
    createdAt: isoSeconds(now),
    expiresAt: isoSeconds(new Date(now.getTime() + lifetime * 1000)),
    authToken: null,
    newRegistration: null,
    polls: 0,
    ...(jwk === null ? {} : { jwk }),
  };
  data.pins.set(id, pin);
  return respondWith(request, 201, "pin", toWire(pin, now));
};

/**
 * `GET /api/v2/pins/:id`. Where nobody visits the auth page (the terminal tour, most tests) a pin links itself
 * to the demo account after `pinClaimAfterPolls` polls (default 1: the first poll sees it unclaimed, the second
 * claimed). With `Infinity`, only Allow on the demo auth page (`PUT /api/v2/pins/link`) claims it.
 */
export const getPinRoute: DemoRoute = async (context) => {
  const { data, url, request } = context;
  const id = Number(url.pathname.split("/").pop());
  const pin = data.pins.get(id);
  const now = context.now();
  if (pin === undefined || Date.parse(pin.expiresAt) <= now.getTime()) {
    return plexError(request, ERRORS.pinNotFound);
  }
  const { jwk } = pin;
  if (jwk !== undefined && !(await deviceJwtIsValid(context, { ...pin, jwk }))) {
    return plexError(request, ERRORS.unauthorized);
  }
  if (pin.authToken === null && pin.polls >= context.pinClaimAfterPolls) {
    pin.authToken = DEMO_TOKENS.account;
    pin.newRegistration = false;
  }
  if (jwk !== undefined && pin.authToken !== null && pin.plexJwt === undefined) {
    // Approving a JWT PIN registers its key for the account, so refreshJwt works with it afterwards.
    if (!context.jwt.deviceKeys.has(jwk.kid)) {
      context.jwt.deviceKeys.set(jwk.kid, { x: jwk.x, clientIdentifier: pin.clientIdentifier });
    }
    const scope = decodeJws(url.searchParams.get("deviceJWT") ?? "")?.payload.scope;
    pin.plexJwt = await issuePlexJwt(context, {
      kid: jwk.kid,
      scope: typeof scope === "string" ? scope : "",
      clientIdentifier: pin.clientIdentifier,
    });
  }
  pin.polls += 1;
  return respondWith(request, 200, "pin", toWire(pin, now));
};

/** Claims the live pin with this code for the account behind `token`; false when there is none. */
export function claimPin(context: Pick<DemoContext, "data" | "now">, code: string, token: string): boolean {
  const now = context.now().getTime();
  for (const pin of context.data.pins.values()) {
    if (pin.code !== code || Date.parse(pin.expiresAt) <= now) continue;
    pin.authToken = token;
    pin.newRegistration = false;
    return true;
  }
  return false;
}

/**
 * `PUT /api/v2/pins/link` with `code` (form body or query) and the approving user's `X-Plex-Token`: what the
 * auth page (app.plex.tv/auth, plex.tv/link) calls when the user clicks Allow. 204 on success; an unknown or
 * expired code is 404 code 1020, a missing or bad token 401 code 1001.
 */
export const linkPinRoute: DemoRoute = async (context) => {
  const { request, url } = context;
  const check = checkToken(context);
  if (check.kind !== "valid") return plexError(request, ERRORS.unauthorized);
  const type = request.headers.get("content-type") ?? "";
  const form = type.toLowerCase().startsWith("application/x-www-form-urlencoded")
    ? new URLSearchParams(await request.text())
    : new URLSearchParams();
  const code = form.get("code") ?? url.searchParams.get("code") ?? "";
  if (!claimPin(context, code, DEMO_TOKENS.account)) return plexError(request, ERRORS.pinNotFound);
  return new Response(null, { status: 204, headers: { "cache-control": "no-cache" } });
};
