import { PlexError } from "@plex/auth";
import { DEMO_TOKENS } from "@plex/demo-plex";
import { describe, expect, test } from "vitest";
import {
  expectationFor,
  exposures,
  FAULTS,
  KNOWN_SECRETS,
  MATRIX_CONFIG,
  OPERATIONS,
  recordingLogger,
  renderings,
  secretsIn,
  startFaultEnv,
} from "../src/index";
import { HAS_BODY_LIMIT, settle } from "./support";

// The fault matrix checks the errors of the default path (no logger, a string token). This runs every fault again
// through the other path: a logger (so requests go through the middleware chain) and a token *function*.
const FAST_FAULTS = FAULTS.filter(
  (fault) => fault.name !== "429 Retry-After: 1" && (fault.needs === undefined || HAS_BODY_LIMIT),
);

describe.concurrent("secrets: no token, password or authToken in any error rendering or logger line", () => {
  test("the check itself finds a secret in each rendering it looks at", () => {
    const error = new Error(`message ${DEMO_TOKENS.account}`, { cause: new Error(DEMO_TOKENS.signedIn) });
    const found = exposures(error);
    for (const where of ["message", "stack", "inspect", "string", "cause0.inspect", "cause0.stack"]) {
      expect(
        found.some((entry) => entry.startsWith(`${where}:`)),
        where,
      ).toBe(true);
    }
    expect(Object.keys(renderings(error))).toContain("json");
    expect(secretsIn(`x ${DEMO_TOKENS.account} y`)).toEqual([DEMO_TOKENS.account]);
  });

  for (const row of OPERATIONS) {
    test(`${row.name}: every fault, with a logger and a token function`, async () => {
      for (const fault of FAST_FAULTS) {
        const env = await startFaultEnv(fault);
        const { logger, lines } = recordingLogger();
        try {
          const client = env.client({
            ...MATRIX_CONFIG,
            ...fault.client,
            logger,
            accessToken: async () => DEMO_TOKENS.account,
          });
          const { error } = await settle(row.call(client));
          if (expectationFor(row, fault).error === "result") expect(error).toBeUndefined();
          else expect(PlexError.isInstance(error), `${fault.name}: ${String(error)}`).toBe(true);
          expect(exposures(error, [...KNOWN_SECRETS, ...row.secrets]), fault.name).toEqual([]);
          expect(lines.length, `${fault.name}: the logger saw the call`).toBeGreaterThan(0);
          for (const line of lines)
            expect(secretsIn(line, [...KNOWN_SECRETS, ...row.secrets]), line).toEqual([]);
        } finally {
          await env.close();
        }
      }
    });
  }
});
