import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PlexInvalidRequestError, PlexUnauthorizedError } from "@plex/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import { DEVICE_TOKEN, invalidTokenXml, resourcesJson, resourcesXml } from "../test/support/fixtures.js";
import {
  ACCESS_TOKEN,
  EXPECTED_IDENTITY_HEADERS,
  json,
  PLEX_TV_URL,
  rejection,
  testClient,
  useMockPlex,
  xml,
  xPlexHeaders,
} from "../test/support/mock-plex.js";
import { getServerResources } from "./get-server-resources.js";
import { getServers } from "./get-servers.js";
import type { PlexDevice } from "./index.js";

const mock = useMockPlex();
const RESOURCES = `${PLEX_TV_URL}/resources`;

describe("getServerResources", () => {
  it("GETs https://plex.tv/api/v2/resources with the token, identity headers and every flag as 1", async () => {
    mock.answer(RESOURCES, () => json(resourcesJson));

    const res = await getServerResources(testClient());

    const [sent] = mock.seen;
    expect(mock.seen).toHaveLength(1);
    expect(sent?.method).toBe("GET");
    expect(`${sent?.url.origin}${sent?.url.pathname}`).toBe(RESOURCES);
    expect(Object.fromEntries(sent!.url.searchParams)).toEqual({
      includeHttps: "1",
      includeRelay: "1",
      includeIPv6: "1",
    });
    expect(xPlexHeaders(sent!.headers)).toEqual({
      ...EXPECTED_IDENTITY_HEADERS,
      "x-plex-token": ACCESS_TOKEN,
    });
    expect(sent?.headers.get("accept")).toBe("application/json");
    expect(res.data).toHaveLength(2);
    expectTypeOf(res.data).toEqualTypeOf<PlexDevice[]>();
  });

  it("sends a false flag as 0", async () => {
    mock.answer(RESOURCES, () => json(resourcesJson));

    await getServerResources(testClient(), { includeRelay: false, includeIPv6: false });

    expect(Object.fromEntries(mock.seen[0]!.url.searchParams)).toEqual({
      includeHttps: "1",
      includeRelay: "0",
      includeIPv6: "0",
    });
  });

  it("returns every device field the SDK relies on, typed", async () => {
    mock.answer(RESOURCES, () => json(resourcesJson));

    const [server, player] = (await getServerResources(testClient())).data;

    expect(server).toMatchObject({
      accessToken: DEVICE_TOKEN,
      owned: true,
      provides: "server",
      presence: true,
      httpsRequired: false,
      publicAddressMatches: true,
      dnsRebindingProtection: true,
    });
    expect(server?.connections.map((c) => [c.local, c.relay, c.port])).toEqual([
      [true, false, 32400],
      [false, true, 8443],
    ]);
    expect(player?.connections).toEqual([]);
    expectTypeOf(server!.connections[0]!.local).toEqualTypeOf<boolean>();
  });

  it("reads the XML answer (strings, wrapper elements, empty lists) into the same values as JSON", async () => {
    mock.answer(RESOURCES, () => xml(resourcesXml));
    const fromXml = (await getServerResources(testClient())).data;
    mock.answer(RESOURCES, () => json(resourcesJson));
    const fromJson = (await getServerResources(testClient())).data;

    // XML cannot write null: the player's missing token is "" there, and reads back as null.
    expect(fromXml).toEqual(fromJson);
    expect(fromXml[1]?.accessToken).toBeNull();
  });

  it("reads an account with no devices in both encodings", async () => {
    mock.answer(RESOURCES, () =>
      xml('<?xml version="1.0" encoding="UTF-8"?>\n<resources size="0"></resources>'),
    );
    expect((await getServerResources(testClient())).data).toEqual([]);
    mock.answer(RESOURCES, () => json([]));
    expect((await getServerResources(testClient())).data).toEqual([]);
  });

  it("a revoked token (422 XML) is a PlexUnauthorizedError", async () => {
    mock.answer(RESOURCES, () => xml(invalidTokenXml, 422));
    const error = await rejection(getServerResources(testClient()));
    expect(error).toBeInstanceOf(PlexUnauthorizedError);
  });

  it("rejects a non-boolean flag before sending", async () => {
    const error = await rejection(
      getServerResources(testClient(), { includeRelay: "yes" as unknown as boolean }),
    );
    expect(error).toBeInstanceOf(PlexInvalidRequestError);
    expect(mock.seen).toHaveLength(0);
  });
});

describe("getServers", () => {
  it("keeps only devices that provide server, from the same request", async () => {
    mock.answer(RESOURCES, () => json(resourcesJson));

    const { data } = await getServers(testClient(), { includeIPv6: false });

    expect(data.map((device) => device.name)).toEqual(["Attic Server"]);
    expect(mock.seen[0]?.url.searchParams.get("includeIPv6")).toBe("0");
  });
});

// Real plex.tv answers, read in place from ../shared (never copied into the repo): the v2 JSON lists and the
// legacy `/api/resources` XML (`<Device><Connection/></Device>`), which the same schema reads.
const samplesDir = fileURLToPath(new URL("../../../../shared/plex-api/samples/", import.meta.url));
const samples = existsSync(samplesDir)
  ? readdirSync(samplesDir).filter((name) => /^api(-v2)?-resources/.test(name))
  : [];

function expectedDevices(name: string, text: string): { connections: number; accessToken: string | null }[] {
  if (name.endsWith(".json")) {
    return (JSON.parse(text) as { connections: unknown[]; accessToken?: string | null }[]).map((device) => ({
      connections: device.connections.length,
      accessToken: device.accessToken ?? null,
    }));
  }
  return [...text.matchAll(/<Device\b([^>]*)>([\s\S]*?)<\/Device>/g)].map((match) => ({
    connections: (match[2]?.match(/<Connection\b/g) ?? []).length,
    accessToken: /accessToken="([^"]*)"/.exec(match[1] ?? "")?.[1] ?? null,
  }));
}

describe.skipIf(samples.length === 0)(`real resources samples (${samplesDir})`, () => {
  it("there are JSON and XML samples to check", () => {
    expect(samples.some((name) => name.endsWith(".json"))).toBe(true);
    expect(samples.some((name) => name.endsWith(".xml"))).toBe(true);
  });

  it.each(samples)("%s parses, with every device's connections and token", async (name) => {
    const text = readFileSync(`${samplesDir}${name}`, "utf8");
    const type = name.endsWith(".xml") ? "text/xml;charset=utf-8" : "application/json";
    mock.answer(RESOURCES, () => new Response(text, { headers: { "content-type": type } }));

    const { data } = await getServerResources(testClient());

    const expected = expectedDevices(name, text);
    expect(expected.length).toBeGreaterThan(0);
    expect(
      data.map((device) => ({
        connections: device.connections.length,
        accessToken: device.accessToken ?? null,
      })),
    ).toEqual(expected);
    for (const device of data) {
      expect(device.clientIdentifier).toBeTruthy();
      for (const connection of device.connections) {
        expect(typeof connection.local).toBe("boolean");
        expect(connection.uri).toMatch(/^https?:\/\//);
      }
    }
  });
});
