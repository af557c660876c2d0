import { PlexInvalidRequestError } from "@plex/core";
import { describe, expect, it } from "vitest";
import { transientTokenJson } from "../test/support/fixtures.js";
import { IDENTITY, json, testClient, useMockPlex } from "../test/support/mock-plex.js";
import { connectToServer } from "./connect-to-server.js";
import { PlexAPI } from "./plex-api.js";

const mock = useMockPlex();
const SERVER_ID = "connect0server0aa11bb22cc33dd44ee55ff6677";
const LOCAL = "http://192.0.2.10:32400";
const REMOTE = "https://198-51-100-4.fedcba9876543210.plex.direct:8443";

const device = {
  name: "Connect Server",
  clientIdentifier: SERVER_ID,
  accessToken: "connect-device-token-44aa",
  connections: [
    { protocol: "http", address: "192.0.2.10", port: 32400, uri: LOCAL, local: true, relay: false },
    { protocol: "https", address: "198.51.100.4", port: 8443, uri: REMOTE, local: false, relay: false },
  ],
};

describe("connectToServer", () => {
  it("returns a PlexAPI bound to the winning URI and the device's token; server calls go there", async () => {
    mock.answer(`${LOCAL}/identity`, () => json({ MediaContainer: { machineIdentifier: SERVER_ID } }));
    mock.answer(`${REMOTE}/identity`, () => json({ MediaContainer: { machineIdentifier: SERVER_ID } }));
    mock.answer(`${LOCAL}/security/token`, () => json(transientTokenJson));

    const server = await connectToServer(new PlexAPI(testClient()), device);
    await server.authentication.getTransientToken({ type: "delegation", scope: "all" });

    expect(server).toBeInstanceOf(PlexAPI);
    expect(server.client.options.serverURL).toBe(LOCAL);
    const call = mock.seen.find((seen) => seen.url.pathname === "/security/token");
    expect(call?.url.origin).toBe(LOCAL);
    expect(call?.headers.get("x-plex-token")).toBe(device.accessToken);
    expect(call?.headers.get("x-plex-client-identifier")).toBe(IDENTITY.clientIdentifier);
  });

  it("refuses a device without a token (a player) before probing", async () => {
    await expect(
      connectToServer(new PlexAPI(testClient()), { ...device, accessToken: null }),
    ).rejects.toBeInstanceOf(PlexInvalidRequestError);
    expect(mock.seen).toHaveLength(0);
  });
});
