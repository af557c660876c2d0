import {
  PlexErrorsSchema,
  SourceConnectionInformationResponseSchema,
  TransientTokenResponseSchema,
  UserPlexAccountSchema,
} from "@plex/models";
import { describe, expect, it } from "vitest";
import { type $ZodType, safeParse } from "zod/v4/core";
import { decodeBody } from "../src/decode-body";
import { PlexAPIError } from "../src/errors";
import { toApiError } from "../src/map-error";
import { HAS_SAMPLES, readSample, SKIP_MESSAGE, sampleNames } from "./helpers/samples";

// Every real XML body Plex sent, decoded by core and validated by the schema @plex/models has for it.
// Legacy (non-/api/v2) endpoints have no schema in @plex/models: they are decoded and shape-checked only.
const SCHEMAS: [prefix: string, schema: $ZodType | undefined][] = [
  ["api-resources-v1-legacy", undefined],
  ["api-v2-user", UserPlexAccountSchema],
  ["error-", PlexErrorsSchema],
  ["security-resources", SourceConnectionInformationResponseSchema],
  ["security-token", TransientTokenResponseSchema],
  ["users-sign_in-xml-legacy", undefined],
];

// XML and JSON samples of the same answer: after each schema they must be equal.
const PAIRS: [xml: string, json: string, schema: $ZodType][] = [
  [
    "security-resources__plex-docs-legacy.xml",
    "security-resources__json__DERIVED-from-plex-docs-xml.json",
    SourceConnectionInformationResponseSchema,
  ],
  [
    "security-token__plex-docs-legacy.xml",
    "security-token__json__DERIVED-from-plex-api-spec-schema.json",
    TransientTokenResponseSchema,
  ],
];

function parsed(schema: $ZodType, value: unknown) {
  const result = safeParse(schema, value);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues, null, 1));
  return result.data;
}

/** "array" | "object" | "scalar" per top-level key, the part of a shape the decoder decides. */
function kinds(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== null)
      .map(([key, item]) => [
        key,
        Array.isArray(item) ? "array" : typeof item === "object" ? "object" : "scalar",
      ]),
  );
}

describe.skipIf(!HAS_SAMPLES)(
  `XML samples → core decoder → @plex/models ${HAS_SAMPLES ? "" : SKIP_MESSAGE}`,
  () => {
    const names = sampleNames(".xml");

    it("has the samples", () => expect(names.length).toBeGreaterThanOrEqual(11));

    it.each(names)("%s", async (name) => {
      const entry = SCHEMAS.find(([prefix]) => name.startsWith(prefix));
      expect(entry, `no schema mapping for ${name}`).toBeDefined();
      const value = await decodeBody(readSample(name), "application/xml");
      const schema = entry![1];
      if (schema) parsed(schema, value);
      else if (name.startsWith("users-sign_in")) {
        expect(value).toMatchObject({ authenticationToken: expect.any(String) });
      } else {
        expect(value).toMatchObject({
          MediaContainer: { size: "1", Device: { accessToken: expect.any(String) } },
        });
        const device = (value as { MediaContainer: { Device: { Connection: unknown } } }).MediaContainer
          .Device;
        expect(typeof device.Connection).toBe("object");
      }
    });

    it.each(PAIRS)("%s validates to the same value as %s", async (xml, json, schema) => {
      const fromXml = parsed(schema, await decodeBody(readSample(xml), "text/xml"));
      const fromJson = parsed(schema, JSON.parse(readSample(json)));
      expect(fromXml).toEqual(fromJson);
    });

    it("the account XML has the JSON account's shape (lists are lists, objects are objects)", async () => {
      const fromXml = (await decodeBody(
        readSample("api-v2-user__python-plexapi__ACCOUNT_XML.xml"),
        "text/xml",
      )) as Record<string, unknown>;
      const fromJson = JSON.parse(readSample("api-v2-user__plex-api-rs__user_info_plexpass.json")) as Record<
        string,
        unknown
      >;
      const xmlKinds = kinds(fromXml);
      const jsonKinds = kinds(fromJson);
      const shared = Object.keys(xmlKinds).filter((key) => key in jsonKinds);
      expect(shared.length).toBeGreaterThan(20);
      for (const key of shared) expect([key, xmlKinds[key]]).toEqual([key, jsonKinds[key]]);
      const subscription = fromXml.subscription as Record<string, unknown>;
      expect(subscription.features).toEqual(["companions_sonos"]);
    });

    it.each(names.filter((name) => name.startsWith("error-")))("%s maps to a typed error", async (name) => {
      const status = Number(name.split("-")[1]);
      const body = readSample(name);
      const error = await toApiError(
        new Response(body, { status, headers: { "content-type": "text/xml" } }),
        body,
      );
      expect(error).toBeInstanceOf(PlexAPIError);
      expect(error.plexErrors.length).toBe(1);
      expect(error.message).not.toContain("<");
    });
  },
);
