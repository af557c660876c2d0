import * as z from "zod/mini";
import { bool } from "./internal/coerce.js";
import { isRecord } from "./internal/lists.js";

// plex.tv answers `GET /api/v2/ping` with `<pong>true</pong>` (python-plexapi reads the element's text); core
// decodes that to the string "true". A JSON answer may be a bare boolean or `{ "pong": true }`. All give a boolean.
const unwrapPong = (value: unknown): unknown => (isRecord(value) && "pong" in value ? value.pong : value);

/** 200 body of `GET /api/v2/ping` (plex.tv): `true` when plex.tv accepted the token and extended its life. */
export const PingResponseSchema = /* @__PURE__ */ z.pipe(z.transform(unwrapPong), bool);
export type PingResponse = z.output<typeof PingResponseSchema>;
