import * as z from "zod/mini";
import { bool, num } from "./internal/coerce.js";
import { looseObject } from "./internal/loose-object.js";
import { nonEmpty } from "./internal/strings.js";

/** 200 body of `GET /identity` on a Plex Media Server (no token needed): who this server is. */
export const IdentitySchema = /* @__PURE__ */ looseObject({
  MediaContainer: looseObject({
    size: z.optional(num),
    /** Indicates whether this server has been claimed by a user. */
    claimed: z.optional(bool),
    /** A unique identifier of the computer (the server's clientIdentifier). */
    machineIdentifier: nonEmpty,
    /** The full version string of the PMS. */
    version: z.optional(z.string()),
  }),
});
export interface Identity extends z.output<typeof IdentitySchema> {}
