import { describe, expect, it } from "vitest";
import { sourceResourcesJson, sourceResourcesXmlOneConnection } from "../test/fixtures/devices.js";
import {
  GetSourceConnectionInformationRequestSchema,
  SourceConnectionInformationResponseSchema,
} from "./source-connection-information.js";

describe("SourceConnectionInformationResponseSchema", () => {
  it("parses a Device object with a Connection array", () => {
    const body = SourceConnectionInformationResponseSchema.parse(sourceResourcesJson);
    expect(body.MediaContainer.Device.accessToken).toBe("transient-fixture-token");
    expect(body.MediaContainer.Device.Connection).toHaveLength(2);
  });

  it("turns a Device array into one object", () => {
    const asArray = {
      MediaContainer: {
        ...sourceResourcesJson.MediaContainer,
        Device: [sourceResourcesJson.MediaContainer.Device],
      },
    };
    expect(SourceConnectionInformationResponseSchema.parse(asArray)).toEqual(
      SourceConnectionInformationResponseSchema.parse(sourceResourcesJson),
    );
  });

  it("turns a lone XML Connection into an array and its attribute strings into numbers and booleans", () => {
    const body = SourceConnectionInformationResponseSchema.parse(sourceResourcesXmlOneConnection);
    expect(body.MediaContainer.size).toBe(1);
    expect(body.MediaContainer.Device.Connection).toEqual([
      {
        protocol: "https",
        address: "10.1.2.3",
        port: 32400,
        uri: "https://10-1-2-3.kauri.plex.direct:32400",
        local: true,
      },
    ]);
  });

  it("gives an empty Connection array when the device has none", () => {
    const { Connection: _c, ...device } = sourceResourcesJson.MediaContainer.Device;
    const body = SourceConnectionInformationResponseSchema.parse({ MediaContainer: { Device: device } });
    expect(body.MediaContainer.Device.Connection).toEqual([]);
  });

  it.each([
    ["no Device", { MediaContainer: { size: 0 } }, ["MediaContainer", "Device"]],
    ["an empty Device array", { MediaContainer: { Device: [] } }, ["MediaContainer", "Device"]],
    [
      "a Device without accessToken",
      { MediaContainer: { Device: { name: "n", clientIdentifier: "c" } } },
      ["MediaContainer", "Device", "accessToken"],
    ],
    [
      "a Connection without uri",
      {
        MediaContainer: { Device: { name: "n", clientIdentifier: "c", accessToken: "t", Connection: [{}] } },
      },
      ["MediaContainer", "Device", "Connection", 0, "protocol"],
    ],
  ])("fails on %s", (_name, body, path) => {
    const result = SourceConnectionInformationResponseSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });
});

describe("GetSourceConnectionInformationRequestSchema", () => {
  it.each([["server://kauri-0000-fixture"], ["provider://tv.plex.provider.vod"]])("accepts %s", (source) => {
    expect(GetSourceConnectionInformationRequestSchema.parse({ source, refresh: true })).toEqual({
      source,
      refresh: true,
    });
  });

  it.each([[""], ["kauri-0000-fixture"], ["server://"], ["://x"], ["server:// x"]])(
    "rejects %j",
    (source) => {
      const result = GetSourceConnectionInformationRequestSchema.safeParse({ source });
      expect(result.error?.issues[0]).toMatchObject({
        path: ["source"],
        message: "source must look like scheme://identifier",
      });
    },
  );

  it("requires source", () => {
    expect(GetSourceConnectionInformationRequestSchema.safeParse({}).error?.issues[0]?.message).toBe(
      "source is required",
    );
  });
});
