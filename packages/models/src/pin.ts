import * as z from "zod/mini";
import { bool, emptyToNull, nullableBool, num, strictBool } from "./internal/coerce.js";
import { looseObject, type Named } from "./internal/loose-object.js";
import { nonEmpty } from "./internal/strings.js";

/**
 * Geo location plex.tv derives from the caller's IP address (`location` on a PIN). Informational only, so only
 * the fields a login screen might show are typed; the rest (time zone, postal code, privacy flags, …) are kept
 * untyped by the loose object, which keeps this package inside its size budget.
 */
export const PinLocationSchema = /* @__PURE__ */ looseObject({
  /** The ISO 3166-1 alpha-2 code of the country. */
  code: z.optional(z.string()),
  country: z.optional(z.string()),
  city: z.optional(z.string()),
});
export interface PinLocation extends z.output<typeof PinLocationSchema> {}

/**
 * A plex.tv PIN (`POST /api/v2/pins`, `GET /api/v2/pins/{id}`): show `code` to the user, poll by `id` until
 * `authToken` is set. `id` and `code` are required because the PIN flow cannot run without them.
 */
export const PinSchema = /* @__PURE__ */ looseObject({
  /** The PIN id used to poll `GET /api/v2/pins/{id}`. */
  id: num,
  /** The code the user enters at plex.tv/link. */
  code: nonEmpty,
  product: z.optional(z.string()),
  trusted: z.optional(bool),
  /** URL of a QR code image for `code`. */
  qr: z.optional(z.string()),
  /** The X-Plex-Client-Identifier used in the request. */
  clientIdentifier: z.optional(z.string()),
  location: z.optional(PinLocationSchema as Named<PinLocation>),
  /** Seconds until the PIN expires (900 by default). */
  expiresIn: z.optional(num),
  createdAt: z.optional(z.string()),
  expiresAt: z.optional(z.string()),
  /** null until the user claims the PIN, then the account token (XML can only say "" for null). */
  authToken: z.optional(z.pipe(z.transform(emptyToNull), z.nullable(nonEmpty))),
  newRegistration: nullableBool,
});
export interface Pin extends z.output<typeof PinSchema> {}

/**
 * Input of `POST /api/v2/pins`. `strong: true` asks for the long code used in the app.plex.tv auth URL; without it
 * plex.tv hands out the 4-character code people type at plex.tv/link (TVs, consoles). A plain object so options
 * Plex adds later (a JWT key, for instance) fit in without changing the call.
 */
export const CreatePinRequestSchema = /* @__PURE__ */ z.object({
  strong: z.optional(strictBool),
});
export interface CreatePinRequest extends z.output<typeof CreatePinRequestSchema> {}

/** Input of `GET /api/v2/pins/{id}`: the `id` from `createPin` (a positive integer). */
export const GetPinRequestSchema = /* @__PURE__ */ z.object({
  // A transform that checks, like the coercing helpers: zod's number and int check kinds would cost ~400 B gz.
  id: z.transform((value: unknown, ctx) => {
    if (!(Number.isSafeInteger(value) && (value as number) > 0)) {
      ctx.issues.push({
        code: "custom",
        message: "id must be a positive integer (the PIN's id)",
        input: value,
      });
    }
    return value as number;
  }),
});
export interface GetPinRequest extends z.output<typeof GetPinRequestSchema> {}
