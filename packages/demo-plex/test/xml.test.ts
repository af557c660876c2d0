import { describe, expect, it } from "vitest";
import { createDemoPlex, DEMO_SERVER, DEMO_TOKENS, DEMO_TRANSIENT_TOKEN } from "../src/index.js";
import { demoRequest, PLEX_TV, PMS } from "./helpers.js";

const plex = createDemoPlex();

describe("content negotiation", () => {
  it.each([
    ["no Accept", null],
    ["*/*", "*/*"],
    ["application/json with a quality", "application/json, text/plain, */*"],
    ["application/xml", "application/xml"],
  ])("answers XML for %s, as plex.tv does", async (_label, accept) => {
    const response = await plex.handle(
      demoRequest(`${PLEX_TV}/user`, { token: DEMO_TOKENS.account, accept }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/xml/);
    const text = await response.text();
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<user ')).toBe(true);
  });

  it("writes the user as plex.tv does: attributes, 1/0 booleans, wrapped lists", async () => {
    const response = await plex.handle(
      demoRequest(`${PLEX_TV}/user`, { token: DEMO_TOKENS.account, accept: null }),
    );
    const text = await response.text();
    expect(text).toContain(`authToken="${DEMO_TOKENS.account}"`);
    expect(text).toContain('confirmed="1"');
    expect(text).toContain('locale=""');
    expect(text).toMatch(/<subscription active="1"[^>]*><features><feature id="adaptive_bitrate"\/>/);
    expect(text).toMatch(/<profile [^>]*autoSelectSubtitle="1"/);
    expect(text).toMatch(/<services><service identifier="metadata"[^>]*secret=""/);
    expect(text).toContain("<trials></trials>");
  });

  it("writes the transient token as a MediaContainer attribute", async () => {
    const url = `${PMS}/security/token?type=delegation&scope=all`;
    const response = await plex.handle(demoRequest(url, { token: DEMO_TOKENS.account, accept: null }));
    expect(await response.text()).toContain(`<MediaContainer size="0" token="${DEMO_TRANSIENT_TOKEN}"/>`);
  });

  it("writes the source's Device with repeated Connection elements", async () => {
    const url = `${PMS}/security/resources?source=server://${DEMO_SERVER.clientIdentifier}`;
    const response = await plex.handle(demoRequest(url, { token: DEMO_TOKENS.account, accept: null }));
    const text = await response.text();
    expect(text).toMatch(/<MediaContainer size="1"><Device name="Demo Attic Server"/);
    expect(text.match(/<Connection /g)).toHaveLength(DEMO_SERVER.connections.length);
    expect(text).toContain('local="1" relay="0"');
  });

  it("writes resources as a list with a wrapper", async () => {
    const response = await plex.handle(
      demoRequest(`${PLEX_TV}/resources`, { token: DEMO_TOKENS.account, accept: "application/xml" }),
    );
    const text = await response.text();
    expect(text).toMatch(/<resources size="3"><resource name="Demo Attic Server"/);
    expect(text).toContain("<connections><connection ");
  });

  it("escapes attribute values", async () => {
    const response = await plex.handle(
      demoRequest(`${PLEX_TV}/resources`, { token: DEMO_TOKENS.account, accept: null }),
    );
    expect(await response.text()).toContain('name="Friend&apos;s Basement"');
  });

  it("answers the 401 code 1001 as XML for an XML client", async () => {
    const response = await plex.handle(demoRequest(`${PLEX_TV}/user`, { accept: null }));
    expect(await response.text()).toContain(
      '<errors><error code="1001" message="User could not be authenticated" status="401"/></errors>',
    );
  });
});
