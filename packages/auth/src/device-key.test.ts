import { inspect } from "node:util";
import { PlexInvalidRequestError } from "@plex/core";
import { rejection } from "@plex/demo-plex/recording";
import { describe, expect, it } from "vitest";
import { DeviceKey, exportDeviceKey, generateDeviceKey, importDeviceKey } from "./device-key.js";

// RFC 8037 Appendix A.1–A.3: an Ed25519 key and its RFC 7638 thumbprint.
const RFC8037 = {
  kty: "OKP",
  crv: "Ed25519",
  d: "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
  x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
} as const;
const RFC8037_THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

describe("device keys", () => {
  it("generates an Ed25519 key whose kid is the RFC 7638 thumbprint and whose JWK is what Plex registers", async () => {
    const key = await generateDeviceKey();
    expect(key).toBeInstanceOf(DeviceKey);
    expect(key.publicJwk).toEqual({
      kty: "OKP",
      crv: "Ed25519",
      x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      kid: key.kid,
      use: "sig",
      alg: "EdDSA",
    });
    expect(key.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key.publicJwk).not.toHaveProperty("d");
  });

  it("computes the RFC 8037 example thumbprint", async () => {
    const key = await importDeviceKey(RFC8037);
    expect(key.kid).toBe(RFC8037_THUMBPRINT);
  });

  it("exports and imports as JWK: same kid and public key, and the imported key still exports the same d", async () => {
    const key = await generateDeviceKey();
    const jwk = await exportDeviceKey(key);
    const stored = JSON.parse(JSON.stringify(jwk));
    expect(stored).toEqual({ ...key.publicJwk, d: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });

    const again = await importDeviceKey(stored);
    expect(again.kid).toBe(key.kid);
    expect(again.publicJwk).toEqual(key.publicJwk);
    expect((await exportDeviceKey(again)).d).toBe(stored.d);
  });

  it("keeps a kid the stored JWK carries (a key registered by another tool)", async () => {
    const key = await importDeviceKey({ ...RFC8037, kid: "registered-elsewhere" });
    expect(key.kid).toBe("registered-elsewhere");
    expect(key.publicJwk.kid).toBe("registered-elsewhere");
  });

  it("never shows the private key in JSON, inspect, spreads or String()", async () => {
    const key = await importDeviceKey(RFC8037);
    const jwk = await exportDeviceKey(key);
    for (const text of [
      JSON.stringify(key),
      inspect(key, { depth: 10, showHidden: true }),
      JSON.stringify({ ...key }),
      String(key),
      inspect(jwk, { depth: 10 }),
      inspect({ nested: { jwk } }, { depth: 10 }),
    ]) {
      expect(text).not.toContain(RFC8037.d);
    }
    expect(inspect(key)).toContain(key.kid);
    // The exported JWK still serialises in full: it is meant for storage.
    expect(JSON.stringify(jwk)).toContain(RFC8037.d);
  });

  it("rejects what is not an Ed25519 private JWK, without repeating it", async () => {
    const cases: unknown[] = [
      null,
      "a string",
      { ...RFC8037, kty: "EC" },
      { ...RFC8037, crv: "X25519" },
      { ...RFC8037, d: undefined },
      { ...RFC8037, d: `${RFC8037.d}AA` },
      { ...RFC8037, x: "too-short" },
      { ...RFC8037, kid: "" },
    ];
    for (const value of cases) {
      const error = await rejection(importDeviceKey(value as never));
      expect(error).toBeInstanceOf(PlexInvalidRequestError);
      expect(String((error as Error).message)).not.toContain(RFC8037.d);
    }
  });

  it("rejects a JWK whose d does not belong to its x", async () => {
    const other = await exportDeviceKey(await generateDeviceKey());
    const error = await rejection(importDeviceKey({ ...RFC8037, x: other.x }));
    expect(error).toBeInstanceOf(PlexInvalidRequestError);
    // Node checks the pair on import (DataError); other engines are caught by the test signature.
    expect((error as Error).message).toMatch(/does not belong|rejected the key/);
    expect(JSON.stringify(error)).not.toContain(RFC8037.d);
  });

  it("a non-extractable key signs but cannot be exported", async () => {
    const key = await generateDeviceKey({ extractable: false });
    expect(key.extractable).toBe(false);
    expect(await rejection(exportDeviceKey(key))).toBeInstanceOf(PlexInvalidRequestError);
  });

  it("refuses a look-alike object as a key", async () => {
    const key = await generateDeviceKey();
    expect(await rejection(exportDeviceKey({ ...key } as DeviceKey))).toBeInstanceOf(PlexInvalidRequestError);
  });
});
