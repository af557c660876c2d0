import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBody, formatOf } from "./decode-body";
import { PlexError, PlexValidationError } from "./errors";

// Our own bodies, shaped like plex.tv's answers (names and values are made up).
const ACCOUNT_XML = `<?xml version="1.0" encoding="UTF-8"?>
<user id="777" uuid="abc777" username="lena" email="lena@example.org" authToken="fixture-token-lena" confirmed="1" locale="">
  <subscription active="0" status="Inactive" plan="">
    <features>
      <feature id="alpha-feature"/>
      <feature id="beta-feature"/>
    </features>
  </subscription>
  <profile autoSelectAudio="1" defaultAudioLanguage="de"/>
  <entitlements>
    <entitlement id="web"/>
  </entitlements>
  <roles>
    <role id="member"/>
  </roles>
  <services>
  </services>
</user>`;

describe("formatOf", () => {
  it("recognises JSON and XML media types with parameters", () => {
    expect(formatOf("application/json; charset=utf-8")).toBe("json");
    expect(formatOf("application/problem+json")).toBe("json");
    expect(formatOf("text/xml;charset=utf-8")).toBe("xml");
    expect(formatOf("application/xml")).toBe("xml");
    expect(formatOf("text/html")).toBeUndefined();
  });
});

describe("decodeBody", () => {
  it("parses JSON", async () => {
    await expect(decodeBody('{"MediaContainer":{"size":1}}', "application/json")).resolves.toEqual({
      MediaContainer: { size: 1 },
    });
  });

  it("turns an empty body (204) into undefined", async () => {
    await expect(decodeBody("", "application/json")).resolves.toBeUndefined();
    await expect(decodeBody("  \n", "")).resolves.toBeUndefined();
  });

  it("counts as empty exactly the bodies that trim to nothing", async () => {
    const blanks = [" \t\r\n", "\u00a0\ufeff", "\u2028\u2029\u3000", "\v\f\u1680\u202f"];
    for (const text of blanks) {
      expect(text.trim()).toBe("");
      await expect(decodeBody(text, "application/json")).resolves.toBeUndefined();
    }
    // U+180E and U+200B are not whitespace to trim: such a body is not empty (and not JSON).
    await expect(decodeBody("\u200b", "application/json")).rejects.toBeInstanceOf(PlexValidationError);
    await expect(decodeBody("\u180e", "application/json")).rejects.toBeInstanceOf(PlexValidationError);
    await expect(decodeBody(' \n{"a":1}\n ', "application/json")).resolves.toEqual({ a: 1 });
  });

  it("sniffs JSON and XML when the content type is missing", async () => {
    await expect(decodeBody('{"a":1}', "")).resolves.toEqual({ a: 1 });
    await expect(decodeBody('<MediaContainer size="2"/>', "")).resolves.toEqual({
      MediaContainer: { size: "2" },
    });
  });

  it("refuses an HTML captive portal answered with 200, naming the content type", async () => {
    const error = await decodeBody("<html><body>Sign in to the hotel Wi-Fi</body></html>", "text/html").catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PlexValidationError);
    expect((error as Error).message).toContain('"text/html"');
  });

  it("reports broken JSON as PlexValidationError, not SyntaxError", async () => {
    await expect(decodeBody("{not json", "application/json")).rejects.toBeInstanceOf(PlexValidationError);
  });

  it("reports broken XML as PlexValidationError", async () => {
    await expect(decodeBody("<MediaContainer><Device></MediaContainer>", "text/xml")).rejects.toBeInstanceOf(
      PlexValidationError,
    );
  });

  it("keeps a MediaContainer root as the top-level key, like the JSON answer", async () => {
    const xml = `<MediaContainer size="1"><Device name="Den" clientIdentifier="den-1">
      <Connection protocol="http" port="32400" local="1"/><Connection protocol="https" port="443" local="0"/>
      </Device></MediaContainer>`;
    await expect(decodeBody(xml, "application/xml")).resolves.toEqual({
      MediaContainer: {
        size: "1",
        Device: {
          name: "Den",
          clientIdentifier: "den-1",
          Connection: [
            { protocol: "http", port: "32400", local: "1" },
            { protocol: "https", port: "443", local: "0" },
          ],
        },
      },
    });
  });

  it("decodes an empty MediaContainer to an empty object and an empty errors list to []", async () => {
    await expect(decodeBody("<MediaContainer></MediaContainer>", "text/xml")).resolves.toEqual({
      MediaContainer: {},
    });
    await expect(decodeBody("<errors/>", "text/xml")).resolves.toEqual({ errors: [] });
  });

  it("unwraps a <user> root into the account object with JSON-shaped lists", async () => {
    const account = (await decodeBody(ACCOUNT_XML, "text/xml")) as Record<string, unknown>;
    expect(account).toMatchObject({
      id: "777",
      username: "lena",
      confirmed: "1",
      locale: "",
      subscription: { active: "0", features: ["alpha-feature", "beta-feature"] },
      profile: { autoSelectAudio: "1", defaultAudioLanguage: "de" },
      entitlements: ["web"],
      roles: ["member"],
      services: [],
    });
    expect(account).not.toHaveProperty("user");
  });

  it("keeps the errors root and decodes both error element forms", async () => {
    await expect(
      decodeBody('<errors><error code="1001" message="Nope" status="401"/></errors>', "text/xml"),
    ).resolves.toEqual({ errors: [{ code: "1001", message: "Nope", status: "401" }] });
    await expect(decodeBody("<errors><error>Invalid token</error></errors>", "text/xml")).resolves.toEqual({
      errors: ["Invalid token"],
    });
  });

  it("keeps text and attributes of a mixed element, and text-only children as strings", async () => {
    await expect(
      decodeBody('<user id="1"><nick>kim</nick><joined kind="date">2020</joined></user>', "text/xml"),
    ).resolves.toEqual({ id: "1", nick: "kim", joined: { kind: "date", "#text": "2020" } });
  });

  it("never pollutes prototypes from element or attribute names: they stay plain data", async () => {
    const proto = (await decodeBody('<a __proto__="x" b="1"/>', "text/xml")) as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(proto, "__proto__")?.value).toBe("x");
    expect(Object.keys(proto)).toEqual(["__proto__", "b"]);
    await expect(decodeBody('<MediaContainer constructor="x"/>', "text/xml")).resolves.toEqual({
      MediaContainer: { constructor: "x" },
    });
    const child = (await decodeBody("<a><__proto__>y</__proto__><c/></a>", "text/xml")) as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(child)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(child, "__proto__")?.value).toBe("y");
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(({} as Record<string, unknown>).y).toBeUndefined();
    expect(Object.prototype.toString.call({})).toBe("[object Object]");
  });

  it("never throws anything but a PlexError, whatever the input (fast-check)", async () => {
    const contentTypes = fc.constantFrom("application/json", "text/xml", "application/xml", "", "text/html");
    const xmlish = fc
      .array(
        fc.constantFrom(
          "<",
          ">",
          "/",
          "=",
          '"',
          "a",
          "errors",
          "error",
          "MediaContainer",
          " ",
          "&",
          ";",
          "!",
          "?",
        ),
        {
          maxLength: 40,
        },
      )
      .map((parts) => parts.join(""));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), xmlish), contentTypes, async (text, contentType) => {
        try {
          await decodeBody(text, contentType);
        } catch (error) {
          expect(PlexError.isInstance(error)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
