import { DEMO_TOKENS } from "../../constants.js";
import type { DemoPin } from "../../demo-data.js";
import { checkToken, clientIdentifierOf } from "../authenticate.js";
import type { DemoContext, DemoRoute } from "../context.js";
import { plexError, respondWith } from "../respond.js";
import { ERRORS } from "./errors.js";

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
  const { polls: _polls, ...wire } = pin;
  const left = Math.max(0, Math.round((Date.parse(pin.expiresAt) - now.getTime()) / 1000));
  return { ...wire, expiresIn: left };
}

function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** `POST /api/v2/pins` (`?strong=true` for the long code used with app.plex.tv/auth). */
export const createPinRoute: DemoRoute = (context: DemoContext) => {
  const { data, url, request } = context;
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
  };
  data.pins.set(id, pin);
  return respondWith(request, 201, "pin", toWire(pin, now));
};

/**
 * `GET /api/v2/pins/:id`. Where nobody visits the auth page (the terminal tour, most tests) a pin links itself
 * to the demo account after `pinClaimAfterPolls` polls (default 1: the first poll sees it unclaimed, the second
 * claimed). With `Infinity`, only Allow on the demo auth page (`PUT /api/v2/pins/link`) claims it.
 */
export const getPinRoute: DemoRoute = (context) => {
  const { data, url, request } = context;
  const id = Number(url.pathname.split("/").pop());
  const pin = data.pins.get(id);
  const now = context.now();
  if (pin === undefined || Date.parse(pin.expiresAt) <= now.getTime()) {
    return plexError(request, ERRORS.pinNotFound);
  }
  if (pin.authToken === null && pin.polls >= context.pinClaimAfterPolls) {
    pin.authToken = DEMO_TOKENS.account;
    pin.newRegistration = false;
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
