import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createDemoPlex, DEMO_ACCOUNTS, DEMO_SERVER, DEMO_TOKENS } from "../src/index.js";
import { demoRequest, PLEX_TV, PMS } from "./helpers.js";

// The real bodies sit beside the repo (../shared); they are read, never copied into it.
const samples = fileURLToPath(new URL("../../../../shared/plex-api/samples/", import.meta.url));
const sample = (name: string) => JSON.parse(readFileSync(`${samples}${name}`, "utf8"));

function kind(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

/** Every field the real body has, the demo has too, with the same JSON type wherever the real one is not null. */
function expectSameShape(demo: Record<string, unknown>, real: Record<string, unknown>, path: string) {
  for (const [key, realValue] of Object.entries(real)) {
    expect(demo, `${path}.${key} missing`).toHaveProperty([key]);
    const demoValue = demo[key];
    if (realValue !== null && demoValue !== null) {
      expect(kind(demoValue), `${path}.${key}`).toBe(kind(realValue));
    }
    if (kind(realValue) === "object" && kind(demoValue) === "object") {
      expectSameShape(
        demoValue as Record<string, unknown>,
        realValue as Record<string, unknown>,
        `${path}.${key}`,
      );
    }
  }
}

describe.skipIf(!existsSync(samples))(
  "demo bodies are shaped like the real samples (../shared absent: skipped)",
  () => {
    const plex = createDemoPlex();

    it("sign-in 201 has every field of the real answer", async () => {
      const response = await plex.handle(
        demoRequest(`${PLEX_TV}/users/signin`, { form: DEMO_ACCOUNTS.plain }),
      );
      const body = await response.json();
      expectSameShape(body, sample("api-v2-users-signin__201__plex-api-spec-test-a.json"), "signin");
      expectSameShape(
        body.pastSubscriptions[0],
        sample("api-v2-users-signin__201__plex-api-spec-test-a.json").pastSubscriptions[0],
        "pastSubscriptions[0]",
      );
      expectSameShape(
        body.services[0],
        sample("api-v2-users-signin__201__plex-api-spec-test-a.json").services[0],
        "services[0]",
      );
    });

    it("/api/v2/user has every field of the real Plex Pass answer except the legacy pin", async () => {
      const response = await plex.handle(demoRequest(`${PLEX_TV}/user`, { token: DEMO_TOKENS.account }));
      const { pin: _pin, ...real } = sample("api-v2-user__plex-api-rs__user_info_plexpass.json");
      expectSameShape(await response.json(), real, "user");
    });

    it("/security/resources matches the derived JSON sample", async () => {
      const url = `${PMS}/security/resources?source=server://${DEMO_SERVER.clientIdentifier}`;
      const body = await (await plex.handle(demoRequest(url, { token: DEMO_TOKENS.account }))).json();
      const real = sample("security-resources__json__DERIVED-from-plex-api-spec-resources-test.json");
      expectSameShape(body, real, "resources");
      expectSameShape(
        body.MediaContainer.Device.Connection[0],
        real.MediaContainer.Device.Connection[0],
        "Connection[0]",
      );
    });

    it("/api/v2/resources and pins match the real device and pin", async () => {
      const devices = await (
        await plex.handle(demoRequest(`${PLEX_TV}/resources?includeRelay=1`, { token: DEMO_TOKENS.account }))
      ).json();
      const [realDevice] = sample("api-v2-resources__plex-api-rs.json");
      expectSameShape(devices[0], realDevice, "device");
      expectSameShape(devices[0].connections[0], realDevice.connections[0], "connection");
      const pin = await (await plex.handle(demoRequest(`${PLEX_TV}/pins`, { method: "POST" }))).json();
      expectSameShape(pin, sample("api-v2-pins__create-unclaimed__plex-api-spec-example.json"), "pin");
    });
  },
);
