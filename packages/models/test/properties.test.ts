import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import * as models from "../src/index.js";
import { accountJson, accountXmlDecoded } from "./fixtures/accounts.js";
import { resourceJson, sourceResourcesJson, sourceResourcesXmlOneConnection } from "./fixtures/devices.js";

// A fixed seed keeps CI deterministic; set FC_SEED to explore other inputs locally.
const seed = Number(process.env.FC_SEED ?? 20261128);
const run = { seed, numRuns: 200 };

type Body = Record<string, unknown>;

// Each case: a valid body, where inside it extra fields go, and (when it differs) where they appear in the
// parsed value.
const validBodies: [
  name: string,
  schema: z.core.$ZodType,
  body: Body,
  target: (body: Body) => Body,
  parsedTarget?: (body: Body) => Body,
][] = [
  ["UserPlexAccount (JSON)", models.UserPlexAccountSchema, accountJson, (b) => b],
  ["UserPlexAccount (XML decoded)", models.UserPlexAccountSchema, accountXmlDecoded, (b) => b],
  [
    "SourceConnectionInformation (JSON)",
    models.SourceConnectionInformationResponseSchema,
    sourceResourcesJson,
    (b) => b,
  ],
  [
    "SourceConnectionInformation (XML decoded)",
    models.SourceConnectionInformationResponseSchema,
    sourceResourcesXmlOneConnection,
    (b) => (b.MediaContainer as Body).Device as Body,
  ],
  [
    "TransientTokenResponse",
    models.TransientTokenResponseSchema,
    { MediaContainer: { token: "t-fixture" } },
    (b) => b,
  ],
  ["PlexErrors", models.PlexErrorsSchema, { errors: [{ code: 1001, message: "m" }] }, (b) => b],
  ["PlexErrorStatus", models.PlexErrorStatusSchema, { status: 404, error: "Not Found" }, (b) => b],
  ["Pin", models.PinSchema, { id: 1, code: "ABCD", authToken: null }, (b) => b],
  ["PlexDevice", models.PlexDeviceSchema, resourceJson, (b) => b],
  [
    "Identity",
    models.IdentitySchema,
    { MediaContainer: { machineIdentifier: "m" } },
    (b) => b.MediaContainer as Body,
  ],
];

// Extra keys are prefixed so they never collide with a modelled field (that would be a different test).
const extraFields = fc.dictionary(
  fc.string({ maxLength: 12 }).map((key) => `x-${key}`),
  fc.jsonValue({ maxDepth: 3 }),
  { minKeys: 1, maxKeys: 5 },
);

function withExtras(body: Body, target: (body: Body) => Body, extras: Body): { copy: Body; at: Body } {
  const copy = structuredClone(body);
  const at = target(copy);
  Object.assign(at, extras);
  return { copy, at };
}

describe("property: random extra fields never break parsing and survive it", () => {
  it.each(validBodies)("%s", (_name, schema, body, target, parsedTarget = target) => {
    const clean = z.parse(schema, structuredClone(body));
    fc.assert(
      fc.property(extraFields, (extras) => {
        const { copy } = withExtras(body, target, extras);
        const result = z.safeParse(schema, copy);
        expect(result.success).toBe(true);
        // The parsed value is the clean one plus exactly the extra fields, in the same place.
        const expected = withExtras(clean as Body, parsedTarget, extras).copy;
        expect(result.data).toEqual(expected);
      }),
      run,
    );
  });
});

// Every `…Schema` export; the constants (`Scope`, `GetTransientTokenType`) are not schemas.
const schemas = Object.entries(models).filter(([name]) => name.endsWith("Schema")) as unknown as [
  string,
  z.core.$ZodType,
][];

describe("property: junk never throws, it only fails safeParse with issues", () => {
  it("covers every exported schema", () => {
    expect(schemas.length).toBeGreaterThanOrEqual(20);
  });

  it.each(schemas)("%s", (_name, schema) => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withDate: true }),
        (junk) => {
          const result = z.safeParse(schema, junk);
          if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
        },
      ),
      run,
    );
  });

  const primitives = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  );

  // plex.tv's ping answers a bare `true` (`<pong>true</pong>`): a primitive is that schema's valid body.
  const primitiveBodies = new Set(["PingResponseSchema"]);
  const objectSchemas = schemas.filter(([name]) => !primitiveBodies.has(name));

  it.each(objectSchemas)("%s rejects every primitive body", (_name, schema) => {
    fc.assert(
      fc.property(primitives, (junk) => {
        expect(z.safeParse(schema, junk).success).toBe(false);
      }),
      run,
    );
  });

  it("PingResponseSchema rejects every primitive that is not a yes or no", () => {
    const yesOrNo = new Set<unknown>([true, false, 1, 0, "1", "0", "true", "false"]);
    fc.assert(
      fc.property(primitives, (junk) => {
        expect(z.safeParse(models.PingResponseSchema, junk).success).toBe(yesOrNo.has(junk));
      }),
      run,
    );
  });

  it.each(validBodies)("%s: junk in any one field never throws", (_name, schema, body, target) => {
    const keys = Object.keys(target(structuredClone(body)));
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(), (key, junk) => {
        const copy = structuredClone(body);
        target(copy)[key] = junk;
        const result = z.safeParse(schema, copy);
        expect(typeof result.success).toBe("boolean");
      }),
      run,
    );
  });
});
