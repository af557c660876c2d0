import { DEMO_TOKENS } from "../../constants.js";
import type { DemoPin } from "../../demo-data.js";
import { clientIdentifierOf } from "../authenticate.js";
import type { DemoContext, DemoRoute } from "../context.js";
import { plexError, respondWith } from "../respond.js";
import { ERRORS } from "./errors.js";

const PIN_LIFETIME_S = 900;
const STRONG_PIN_LIFETIME_S = 1800;
const FIRST_PIN_ID = 880001;
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Codes derive from the id so runs are reproducible: no randomness in the demo. */
function codeFor(id: number, length: number): string {
  let code = "";
  let seed = id;
  for (let index = 0; index < length; index += 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    code += CODE_ALPHABET[seed % CODE_ALPHABET.length];
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
  const lifetime = strong ? STRONG_PIN_LIFETIME_S : PIN_LIFETIME_S;
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
 * `GET /api/v2/pins/:id`. Nobody visits app.plex.tv in a demo, so a pin links itself to the demo account
 * after `pinClaimAfterPolls` polls (default 1: the first poll sees it unclaimed, the second claimed).
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
