import type { PlexDeviceConnection } from "@plex/models";
import { describe, expect, it } from "vitest";
import { rankConnections } from "./rank-connections.js";

const c = (uri: string, local: boolean, relay = false): PlexDeviceConnection => ({
  protocol: uri.startsWith("https") ? "https" : "http",
  address: "a",
  port: 1,
  uri,
  local,
  relay,
});

const list = [
  c("http://relay", false, true),
  c("https://relay", false, true),
  c("http://remote", false),
  c("https://remote", false),
  c("http://local", true),
  c("https://local", true),
];

describe("rankConnections", () => {
  it("local, then remote, then relay; https first in each when preferHttps", () => {
    expect(rankConnections(list, true).map((x) => x.uri)).toEqual([
      "https://local",
      "http://local",
      "https://remote",
      "http://remote",
      "https://relay",
      "http://relay",
    ]);
  });

  it("without preferHttps, Plex's order within each kind", () => {
    expect(rankConnections(list, false).map((x) => x.uri)).toEqual([
      "http://local",
      "https://local",
      "http://remote",
      "https://remote",
      "http://relay",
      "https://relay",
    ]);
  });
});
