import * as z from "zod/mini";
import { bool, num } from "./internal/coerce.js";
import { list } from "./internal/lists.js";
import { looseObject, type Named } from "./internal/loose-object.js";
import { filled, nonEmpty } from "./internal/strings.js";

/**
 * One member of a Plex Home (`GET /api/v2/home/users`). `uuid` is required: switching to the user
 * (`POST /api/v2/home/users/{uuid}/switch`) cannot work without it.
 */
export const HomeUserSchema = /* @__PURE__ */ looseObject({
  id: z.optional(num),
  /** Used to switch to this user. */
  uuid: nonEmpty,
  /** The name shown on the user picker. */
  title: z.optional(z.string()),
  thumb: z.optional(z.string()),
  /** The Home admin. */
  admin: z.optional(bool),
  /** A managed user: restricted content, no plex.tv login of their own (`username` and `email` are null). */
  restricted: z.optional(bool),
  /** A Home PIN protects this profile: `switchHomeUser` needs `pin`. */
  protected: z.optional(bool),
  // username, email, hasPassword, guest and restrictionProfile arrive too and are kept (loose object), untyped
  // to keep this package inside its size budget.
});
export interface HomeUser extends z.output<typeof HomeUserSchema> {}

/** 200 body of `GET /api/v2/home/users`: the Home and its members. */
export const HomeUsersSchema = /* @__PURE__ */ looseObject({
  id: z.optional(num),
  /** XML: `<users><user …/></users>`. The Home's `name` and guest fields are kept, untyped. */
  users: list(HomeUserSchema as Named<HomeUser>, "user"),
});
export interface HomeUsers extends z.output<typeof HomeUsersSchema> {}

/**
 * Input of `switchHomeUser`. `pin` is the 4-digit Home PIN of a protected user: a secret, redacted like a
 * password. The answer of the switch is a {@link UserPlexAccountSchema} body with that user's `authToken`
 * (and a hashed `pin` field, also a secret).
 */
export const SwitchHomeUserRequestSchema = /* @__PURE__ */ z.object({
  uuid: filled("uuid"),
  pin: z.optional(nonEmpty),
});
export interface SwitchHomeUserRequest extends z.output<typeof SwitchHomeUserRequestSchema> {}
