import * as z from "zod/mini";
import { num } from "./internal/coerce.js";
import { isRecord, list } from "./internal/lists.js";
import { looseObject, type Named } from "./internal/loose-object.js";

/** One entry of a plex.tv error body, e.g. `{ code: 1001, message: "User could not be authenticated", status: 401 }`. */
export const PlexErrorDetailSchema = /* @__PURE__ */ looseObject({
  /** Plex's own error code (1001 unauthorized, 1003 rate limited, 1029 verification code needed, …). */
  code: z.optional(num),
  /** The human-readable message Plex sent. */
  message: z.string(),
  /** The HTTP status Plex repeats in the body. */
  status: z.optional(num),
});
export interface PlexErrorDetail extends z.output<typeof PlexErrorDetailSchema> {}

// XML `<error>Invalid token</error>` decodes to a bare string, or to `#text` when the element has attributes.
function toDetail(entry: unknown): unknown {
  if (typeof entry === "string") return { message: entry };
  if (isRecord(entry) && entry.message === undefined) return { ...entry, message: entry["#text"] };
  return entry;
}

/**
 * plex.tv error body: JSON `{ errors: [{ code, message, status }] }`, or the XML
 * `<errors><error code="…" message="…" status="…"/></errors>` as core decodes it.
 */
export const PlexErrorsSchema = /* @__PURE__ */ looseObject({
  errors: list(PlexErrorDetailSchema as Named<PlexErrorDetail>, "error", toDetail),
});
export interface PlexErrors extends z.output<typeof PlexErrorsSchema> {}

/** The other error form plex.tv sends on some 404s: `{ status: 404, error: "Not Found" }`. */
export const PlexErrorStatusSchema = /* @__PURE__ */ looseObject({
  status: z.optional(num),
  error: z.string(),
});
export interface PlexErrorStatus extends z.output<typeof PlexErrorStatusSchema> {}
