import { describe, expect, it } from "vitest";
import { resourceJson } from "../test/fixtures/devices.js";
import { type PlexDevice, PlexDeviceSchema, PlexDevicesSchema } from "./plex-device.js";

describe("PlexDeviceSchema / PlexDevicesSchema", () => {
  it("parses the JSON list", () => {
    const [device] = PlexDevicesSchema.parse([resourceJson]);
    expect(device?.connections[0]?.port).toBe(32400);
    expect(device?.ownerId).toBeNull();
  });

  it("reads the XML forms core produces: an array, or { size, resource } with one or more devices", () => {
    const { connections, ...attributes } = resourceJson;
    const xmlDevice = {
      ...attributes,
      ownerId: "",
      sourceTitle: "",
      owned: "1",
      home: "0",
      synced: "0",
      relay: "1",
      presence: "1",
      httpsRequired: "1",
      publicAddressMatches: "0",
      dnsRebindingProtection: "0",
      natLoopbackSupported: "0",
      connections: {
        connection: { ...connections[0], port: "32400", local: "1", relay: "0", IPv6: "0" },
      },
    };
    const expected = PlexDevicesSchema.parse([resourceJson]);
    expect(PlexDevicesSchema.parse([xmlDevice])).toEqual(expected);
    expect(PlexDevicesSchema.parse({ size: "1", resource: xmlDevice })).toEqual(expected);
    expect(PlexDevicesSchema.parse({ size: "2", resource: [xmlDevice, xmlDevice] })).toEqual([
      ...expected,
      ...expected,
    ]);
    expect(PlexDevicesSchema.parse({ size: "0" })).toEqual([]);
  });

  it("gives an empty connections list when a device has none", () => {
    const { connections: _c, ...device } = resourceJson;
    expect(PlexDeviceSchema.parse(device).connections).toEqual([]);
  });

  it("rejects a body that is not a list", () => {
    expect(PlexDevicesSchema.safeParse("").success).toBe(false);
    expect(PlexDevicesSchema.safeParse(resourceJson).success).toBe(false);
  });

  it("reads the legacy /api/resources XML form: <Device> with <Connection> children", () => {
    const { connections, ...attributes } = resourceJson;
    const legacy = {
      ...attributes,
      owned: "1",
      Connection: { ...connections[0], port: "32400", local: "1" },
    };
    const [device] = PlexDevicesSchema.parse({ size: "1", Device: legacy }) as [PlexDevice];
    expect(device.connections).toHaveLength(1);
    expect(device.connections[0]?.local).toBe(true);
    expect(device).not.toHaveProperty("Connection");
    expect(PlexDevicesSchema.parse({ MediaContainer: { size: "2", Device: [legacy, legacy] } })).toHaveLength(
      2,
    );
  });
});
