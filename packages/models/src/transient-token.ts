import * as z from "zod/mini";
import { num } from "./internal/coerce.js";
import { looseObject } from "./internal/loose-object.js";
import { exactly, nonEmpty } from "./internal/strings.js";

/** The only `type` Plex Media Server accepts on `/security/token`. */
export const GetTransientTokenType = { Delegation: "delegation" } as const;
export type GetTransientTokenType = (typeof GetTransientTokenType)[keyof typeof GetTransientTokenType];

/** The only `scope` Plex Media Server accepts on `/security/token`. */
export const Scope = { All: "all" } as const;
export type Scope = (typeof Scope)[keyof typeof Scope];

/** Query of `GET|POST /security/token`: `delegation` is the only supported type and `all` the only scope. */
export const GetTransientTokenRequestSchema = /* @__PURE__ */ z.object({
  type: exactly(GetTransientTokenType.Delegation),
  scope: exactly(Scope.All),
});
export interface GetTransientTokenRequest extends z.output<typeof GetTransientTokenRequestSchema> {}

/** 200 body of `/security/token`: a temporary token with the caller's access level, valid up to 48 hours. */
export const TransientTokenResponseSchema = /* @__PURE__ */ looseObject({
  MediaContainer: looseObject({
    /** The transient token. */
    token: nonEmpty,
    size: z.optional(num),
  }),
});
export interface TransientTokenResponse extends z.output<typeof TransientTokenResponseSchema> {}
