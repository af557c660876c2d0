import * as z from "zod/mini";
import { bool, num, strictBool } from "./internal/coerce.js";
import { listOrEmpty } from "./internal/lists.js";
import { looseObject, type Named } from "./internal/loose-object.js";
import { nonEmpty, openEnum, stringThat } from "./internal/strings.js";

/** Query of `GET /security/resources`: `source` is a prefixed identifier such as `server://<clientIdentifier>`. */
export const GetSourceConnectionInformationRequestSchema = /* @__PURE__ */ z.object({
  /** The source identifier with an included prefix (`server://…`, `provider://…`). */
  source: stringThat(
    (value) => /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value),
    "source must look like scheme://identifier",
    "source is required",
  ),
  /** Force refresh. */
  refresh: z.optional(strictBool),
});
export interface GetSourceConnectionInformationRequest
  extends z.output<typeof GetSourceConnectionInformationRequestSchema> {}

/** One way to reach the source: `uri` is what a client connects to. */
export const ConnectionSchema = /* @__PURE__ */ looseObject({
  /** The protocol used for the connection (http, https; open to values Plex may add). */
  protocol: openEnum(["http", "https"]),
  address: z.string(),
  port: num,
  uri: nonEmpty,
  /** Indicates if the connection is the server's LAN address. */
  local: bool,
  /** Indicates the connection is over a relayed connection. */
  relay: z.optional(bool),
});
export interface Connection extends z.output<typeof ConnectionSchema> {}

/** The source the server knows, with a transient `accessToken` for it and its connections. */
export const SourceDeviceSchema = /* @__PURE__ */ looseObject({
  name: z.string(),
  accessToken: nonEmpty,
  clientIdentifier: nonEmpty,
  // A device with a single connection decodes from XML to one object; no connection at all to no key.
  Connection: listOrEmpty(ConnectionSchema as Named<Connection>),
});
export interface SourceDevice extends z.output<typeof SourceDeviceSchema> {}

// The spec types `Device` as one object, but PMS renders child elements as arrays elsewhere: take the first.
function firstDevice(value: unknown): unknown {
  return Array.isArray(value) && value.length > 0 ? value[0] : value;
}

/** 200 body of `GET /security/resources`: connection details and a transient token for a source known to the server. */
export const SourceConnectionInformationResponseSchema = /* @__PURE__ */ looseObject({
  MediaContainer: looseObject({
    size: z.optional(num),
    Device: z.pipe(z.transform(firstDevice), SourceDeviceSchema as Named<SourceDevice>),
  }),
});
export interface SourceConnectionInformationResponse
  extends z.output<typeof SourceConnectionInformationResponseSchema> {}
