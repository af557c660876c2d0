import { describe, expect, it } from "vitest";
import { isSecretName, REDACTED, redact, redactHeaders, redactText, redactUrl, SECRET_NAMES } from "./redact";

const SECRET = "redact-test-secret-19af";

describe("redactUrl", () => {
  it("replaces X-Plex-Token (any case) and user info", () => {
    const url = redactUrl(
      `https://user:${SECRET}@pms.test:32400/library?X-Plex-Token=${SECRET}&x-plex-token=${SECRET}&a=1`,
    );
    expect(url).not.toContain(SECRET);
    expect(url).toContain("a=1");
    expect(url).toContain(`X-Plex-Token=${REDACTED}`);
  });
  it("still scrubs what it cannot parse", () => {
    expect(redactUrl(`not a url ?X-Plex-Token=${SECRET}`)).not.toContain(SECRET);
  });
});

describe("redactHeaders", () => {
  it("replaces the token, authorization and cookies and keeps the rest", () => {
    const headers = new Headers({
      "X-Plex-Token": SECRET,
      Authorization: `Bearer ${SECRET}`,
      Cookie: `s=${SECRET}`,
      "X-Plex-Product": "App",
    });
    const out = redactHeaders(headers);
    expect(JSON.stringify(out)).not.toContain(SECRET);
    expect(out["x-plex-product"]).toBe("App");
    expect(redactHeaders({ "x-plex-token": SECRET })["x-plex-token"]).toBe(REDACTED);
  });
});

describe("redactText", () => {
  it.each([
    ["JSON field", `{"authToken":"${SECRET}","id":1}`],
    ["JSON nested field", `{"user":{"password": "${SECRET}"}}`],
    ["XML attribute", `<user id="1" authToken="${SECRET}"/>`],
    ["XML single-quoted attribute", `<Device accessToken='${SECRET}'/>`],
    ["XML element", `<user><authentication-token>${SECRET}</authentication-token></user>`],
    ["form body", `login=a%40b&password=${SECRET}&rememberMe=1`],
    ["query string", `/x?X-Plex-Token=${SECRET}&b=2`],
    ["MediaContainer token", `<MediaContainer size="0" token="${SECRET}"/>`],
    ["Home PIN query parameter", `/home/users/abc/switch?includeProviders=0&pin=${SECRET}`],
    ["hashed Home PIN in a switch answer", `{"authToken":"x","pin":"${SECRET}"}`],
    ["JWT flow token body", `{"jwt":"${SECRET}"}`],
    ["JWT flow token answer", `{"auth_token":"${SECRET}"}`],
    ["PIN polling with a device JWT", `/pins/12?deviceJWT=${SECRET}`],
  ])("scrubs a %s", (_kind, text) => {
    const out = redactText(text);
    expect(out).not.toContain(SECRET);
    expect(out).toContain(REDACTED);
  });

  it("scrubs literal secret values wherever they appear", () => {
    expect(redactText(`oops ${SECRET} leaked`, [SECRET])).toBe(`oops ${REDACTED} leaked`);
  });

  it("leaves ordinary text alone", () => {
    expect(redactText('{"username":"kim","tokenCount":3}')).toBe('{"username":"kim","tokenCount":3}');
  });
});

describe("redact", () => {
  it("deep-copies with secret fields replaced, leaving the input untouched", () => {
    const input = { authToken: SECRET, nested: [{ accessToken: SECRET, name: "Den" }], token: null };
    const out = redact(input) as typeof input;
    expect(JSON.stringify(out)).not.toContain(SECRET);
    expect(out.nested[0]!.name).toBe("Den");
    expect(out.token).toBeNull();
    expect(input.authToken).toBe(SECRET);
  });

  it("handles cycles and keeps a __proto__ key as data", () => {
    const cyclic: Record<string, unknown> = { password: SECRET };
    cyclic.self = cyclic;
    expect(JSON.stringify(redact(cyclic))).not.toContain(SECRET);
    const parsed = JSON.parse(`{"__proto__":{"polluted":true},"password":"${SECRET}"}`);
    const out = redact(parsed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("redacts URLs, Headers and strings inside values", () => {
    const out = redact({
      url: new URL(`http://h/?X-Plex-Token=${SECRET}`),
      headers: new Headers({ "X-Plex-Token": SECRET }),
      note: `password=${SECRET}`,
    });
    expect(JSON.stringify(out)).not.toContain(SECRET);
  });
});

describe("SECRET_NAMES / isSecretName", () => {
  it("is one frozen lower-case list covering secret and pin", () => {
    expect(Object.isFrozen(SECRET_NAMES)).toBe(true);
    for (const name of ["secret", "pin", "authToken", "X-Plex-Token", "password", "verificationCode"]) {
      expect(isSecretName(name)).toBe(true);
    }
    expect(SECRET_NAMES.every((name) => name === name.toLowerCase())).toBe(true);
    expect(isSecretName("username")).toBe(false);
    expect(isSecretName("pins")).toBe(false);
  });

  it("redacts services[].secret and a Home switch pin in values", () => {
    const out = JSON.stringify(
      redact({ services: [{ identifier: "metadata", secret: SECRET }], pin: "9876", username: "u" }),
    );
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain("9876");
    expect(out).toContain('"username":"u"');
    expect(redactText(`<user pin="4321" id="1"/> {"secret":"${SECRET}"}`)).not.toMatch(/4321|redact-test/);
  });
});
