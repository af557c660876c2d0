import * as z from "zod/mini";
import { bool, nullableStr, num } from "./internal/coerce.js";
import { list } from "./internal/lists.js";
import { filled, nonEmpty, openEnum } from "./internal/strings.js";

/**
 * One member of a Plex Home (`GET /api/v2/home/users`). `uuid` is required: switching to the user
 * (`POST /api/v2/home/users/{uuid}/switch`) cannot work without it.
 */
export const HomeUserSchema = /* @__PURE__ */ z.looseObject({
  id: z.optional(num),
  /** Used to switch to this user. */
  uuid: nonEmpty,
  /** The name shown on the user picker. */
  title: z.optional(z.string()),
  /** null for a managed user (no plex.tv account of their own). */
  username: nullableStr,
  email: nullableStr,
  thumb: z.optional(z.string()),
  /** Whether the user has a plex.tv password (false for managed users). */
  hasPassword: z.optional(bool),
  /** A managed user: restricted content, no plex.tv account of their own. */
  restricted: z.optional(bool),
  /** The restriction profile of a managed user (`little_kid`, `older_kid`, `teen`), null otherwise. */
  restrictionProfile: z.optional(z.nullable(openEnum(["little_kid", "older_kid", "teen"]))),
  /** The Home admin. */
  admin: z.optional(bool),
  guest: z.optional(bool),
  /** A Home PIN protects this profile: `switchHomeUser` needs `pin`. */
  protected: z.optional(bool),
});
export type HomeUser = z.output<typeof HomeUserSchema>;

/** 200 body of `GET /api/v2/home/users`: the Home and its members. */
export const HomeUsersSchema = /* @__PURE__ */ z.looseObject({
  id: z.optional(num),
  name: z.optional(z.string()),
  guestUserID: z.optional(num),
  guestUserUUID: z.optional(z.string()),
  guestEnabled: z.optional(bool),
  subscription: z.optional(bool),
  /** XML: `<users><user …/></users>`. */
  users: list(HomeUserSchema, "user"),
});
export type HomeUsers = z.output<typeof HomeUsersSchema>;

/**
 * Input of `switchHomeUser`. `pin` is the 4-digit Home PIN of a protected user: a secret, redacted like a
 * password. The answer of the switch is a {@link UserPlexAccountSchema} body with that user's `authToken`
 * (and a hashed `pin` field, also a secret).
 */
export const SwitchHomeUserRequestSchema = /* @__PURE__ */ z.object({
  uuid: filled("uuid"),
  pin: z.optional(filled("pin")),
});
export type SwitchHomeUserRequest = z.output<typeof SwitchHomeUserRequestSchema>;
