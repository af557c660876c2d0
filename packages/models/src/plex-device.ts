import * as z from "zod/mini";
import { bool, nullableNum, nullableStr, num } from "./internal/coerce.js";
import { isRecord, listOrEmpty, toList } from "./internal/lists.js";
import { looseObject, type Named } from "./internal/loose-object.js";
import { nonEmpty, openEnum } from "./internal/strings.js";

/** One way to reach a device listed by `/api/v2/resources`. */
export const PlexDeviceConnectionSchema = /* @__PURE__ */ looseObject({
  /** The protocol used for the connection (http, https). */
  protocol: openEnum(["http", "https"]),
  /** The (ip) address or domain name used for the connection. */
  address: z.string(),
  /** The port used for the connection. */
  port: num,
  /** The full URI of the connection. */
  uri: nonEmpty,
  /** If the connection is a local address. */
  local: bool,
  /** If the connection is relayed through plex.direct. */
  relay: z.optional(bool),
  /** If the connection is using IPv6. */
  IPv6: z.optional(bool),
});
export interface PlexDeviceConnection extends z.output<typeof PlexDeviceConnectionSchema> {}

/** A server, player or client on the account (`GET /api/v2/resources`), with its connections. */
export const PlexDeviceSchema = /* @__PURE__ */ looseObject({
  name: z.string(),
  product: z.optional(z.string()),
  productVersion: z.optional(z.string()),
  platform: nullableStr,
  platformVersion: nullableStr,
  device: nullableStr,
  clientIdentifier: nonEmpty,
  /** The time the device was created/registered. */
  createdAt: z.optional(z.string()),
  /** The last time the device was seen. */
  lastSeenAt: z.optional(z.string()),
  /** Comma-separated roles, e.g. `server` or `client,player`. */
  provides: z.optional(z.string()),
  /** null when the device is owned by the token used to send the request. */
  ownerId: nullableNum,
  sourceTitle: nullableStr,
  publicAddress: z.optional(z.string()),
  /** The token to use with this device. */
  accessToken: nullableStr,
  owned: z.optional(bool),
  home: z.optional(bool),
  synced: z.optional(bool),
  relay: z.optional(bool),
  presence: z.optional(bool),
  httpsRequired: z.optional(bool),
  publicAddressMatches: z.optional(bool),
  dnsRebindingProtection: z.optional(bool),
  natLoopbackSupported: z.optional(bool),
  connections: listOrEmpty(PlexDeviceConnectionSchema as Named<PlexDeviceConnection>, "connection"),
});
export interface PlexDevice extends z.output<typeof PlexDeviceSchema> {}

// JSON is a bare array. Core decodes `<resources size="2"><resource …/>…</resources>` to an array, or, when the
// root keeps its attributes, to `{ size, resource }` (one object or an array); `<resources size="0"/>` to `{ size }`.
// The legacy `GET /api/resources` XML (`<MediaContainer><Device><Connection/>`) is another endpoint, not read here:
// supporting it cost ~80 B gz of the models budget for an answer no operation receives.
function toDeviceList(value: unknown): unknown {
  if (!isRecord(value)) return value;
  if ("resource" in value) return toList(value.resource, undefined);
  return Object.keys(value).every((key) => key === "size") ? [] : value;
}

/** The list `GET /api/v2/resources` returns. */
export const PlexDevicesSchema = /* @__PURE__ */ z.pipe(z.transform(toDeviceList), z.array(PlexDeviceSchema));
export type PlexDevices = PlexDevice[];
