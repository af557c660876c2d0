import * as z from "zod/mini";
import { strictBool } from "./internal/coerce.js";

/** Query of `GET /api/v2/resources` (plex.tv). Every flag is sent as `1`/`0`; the SDK defaults each to true. */
export const GetServerResourcesRequestSchema = /* @__PURE__ */ z.object({
  /** List `https` connections (plex.direct names with a certificate). */
  includeHttps: z.optional(strictBool),
  /** List relay connections (through Plex's relay, bandwidth capped). */
  includeRelay: z.optional(strictBool),
  /** List IPv6 connections. */
  includeIPv6: z.optional(strictBool),
});
export interface GetServerResourcesRequest extends z.output<typeof GetServerResourcesRequestSchema> {}
