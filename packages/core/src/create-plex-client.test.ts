import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { fetchStub } from "../test/helpers/failure";
import { createPlexClient } from "./create-plex-client";
import { PlexInvalidRequestError } from "./errors";
import type { PlexClientOptions } from "./types";

const TOKEN = "client-test-token-5d2a";
const base: PlexClientOptions = { clientIdentifier: "core-test-install-01" };

function invalid(options: unknown): PlexInvalidRequestError {
  try {
    createPlexClient(options as PlexClientOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(PlexInvalidRequestError);
    return error as PlexInvalidRequestError;
  }
  throw new Error("expected createPlexClient to throw");
}

describe("createPlexClient validates options at construction", () => {
  it.each([
    [{}, /clientIdentifier is required/],
    [{ clientIdentifier: "" }, /clientIdentifier is required/],
    [{ clientIdentifier: "   " }, /clientIdentifier is required/],
    [{ clientIdentifier: 42 }, /clientIdentifier is required/],
    [
      { ...base, product: "App\r\nX-Evil: 1" },
      /product must be a string of printable Latin-1 characters on one line/,
    ],
    [{ ...base, deviceName: "Kitchen\n" }, /deviceName must be a string .* \(no CR, LF or NUL\)/],
    [{ ...base, deviceName: "Küche ☕" }, /deviceName must be a string of printable Latin-1/],
    [{ ...base, accessToken: "" }, /accessToken must be a non-empty string/],
    [{ ...base, accessToken: "a\nb" }, /accessToken must be a string of printable Latin-1/],
    [
      { ...base, serverURL: "not a url" },
      /^serverURL "not a url" is not an absolute URL: expected "http:\/\/host:port"$/,
    ],
    [{ ...base, serverURL: 32400 }, /^serverURL is not an absolute URL: expected "http:\/\/host:port"$/],
    [
      { ...base, serverURL: "ftp://nas.local" },
      /^serverURL "ftp:\/\/nas.local" must use http: or https:, got ftp:$/,
    ],
    [
      { ...base, plexTvURL: "javascript:alert(1)" },
      /^plexTvURL "javascript:alert\(1\)" must use http: or https:/,
    ],
    [{ ...base, serverURL: "http://nas.local:32400/#x" }, /must not contain a #fragment/],
    [{ ...base, serverURL: "http://nas.local:32400/?X-Plex-Token=abc" }, /must not carry X-Plex-Token/],
    [{ ...base, timeoutMs: -1 }, /timeoutMs must be a positive number/],
    [{ ...base, timeoutMs: Number.NaN }, /timeoutMs must be a positive number/],
    [{ ...base, retry: { maxRetries: -1 } }, /retry.maxRetries must be a non-negative number/],
    [{ ...base, fetch: "fetch" }, /fetch must be a function/],
    [{ ...base, middleware: [42] }, /middleware must be an array of functions/],
    [{ ...base, logger: {} }, /logger must have a debug/],
  ])("rejects %o", (options, message) => {
    expect(invalid(options).message).toMatch(message);
  });

  it.each([
    ["192.168.1.10:32400", "http://192.168.1.10:32400"],
    ["localhost:32400", "http://localhost:32400"],
    ["nas.local", "http://nas.local"],
    ["[::1]:32400", "http://[::1]:32400"],
  ])("echoes a URL without its scheme and suggests the fix: %s", (serverURL, fix) => {
    const error = invalid({ ...base, serverURL });
    expect(error.message).toBe(`serverURL "${serverURL}" is not an absolute URL: did you mean "${fix}"?`);
    expect(error.issues).toEqual([{ path: ["serverURL"], message: error.message }]);
  });

  it("lists the missing clientIdentifier as an issue", () => {
    const error = invalid({});
    expect(error.issues).toEqual([{ path: ["clientIdentifier"], message: error.message }]);
    expect(error.message).toMatch(/^clientIdentifier is required: a stable id for this install/);
  });

  it.each([
    "user:hunter2@192.168.1.10:32400",
    "192.168.1.10:32400?X-Plex-Token=url-secret-123",
    "http://user:hunter2@nas.local:32400",
    "ftp://user:hunter2@nas.local",
    "nas.local/#url-secret-123",
    "http://nas.local/?password=hunter2",
  ])("never echoes a URL that may carry a secret: %s", (serverURL) => {
    const error = invalid({ ...base, serverURL });
    expect(error.message).not.toContain("hunter2");
    expect(error.message).not.toContain("url-secret-123");
    expect(JSON.stringify(error)).not.toMatch(/hunter2|url-secret-123/);
  });

  it("never echoes a bad token in the message", () => {
    expect(invalid({ ...base, accessToken: `${TOKEN}\n` }).message).not.toContain(TOKEN);
  });
});

describe("the client", () => {
  it("is frozen, and so are its options", () => {
    const client = createPlexClient({ ...base, product: "Core Tests" });
    expect(Object.isFrozen(client)).toBe(true);
    expect(Object.isFrozen(client.options)).toBe(true);
    expect(() => {
      (client.options as { product?: string }).product = "changed";
    }).toThrow(TypeError);
  });

  it("keeps the token readable but out of keys, JSON and inspect output", () => {
    const client = createPlexClient({ ...base, accessToken: TOKEN });
    expect(client.options.accessToken).toBe(TOKEN);
    expect(Object.keys(client.options)).not.toContain("accessToken");
    expect(JSON.stringify(client.options)).not.toContain(TOKEN);
    expect(JSON.stringify(client)).not.toContain(TOKEN);
    expect(inspect(client, { depth: 5 })).not.toContain(TOKEN);
    expect(inspect(client.options)).toContain("[REDACTED]");
  });

  it("withOptions returns a new client and leaves this one unchanged", async () => {
    const seen: string[] = [];
    const fetch = fetchStub((request) => {
      seen.push(request.headers.get("x-plex-product") ?? "");
      return Response.json({});
    });
    const first = createPlexClient({ ...base, product: "One", fetch });
    const second = first.withOptions({ product: "Two" });
    expect(second).not.toBe(first);
    expect(first.options.product).toBe("One");
    const spec = {
      method: "GET",
      server: "plextv",
      path: "/x",
      auth: false,
      idempotent: true,
      responseSchema: z.object({}),
    } as const;
    await first.request(spec);
    await second.request(spec);
    expect(seen).toEqual(["One", "Two"]);
  });

  it("withOptions validates the merged options too", () => {
    expect(() => createPlexClient(base).withOptions({ serverURL: "nope" })).toThrow(PlexInvalidRequestError);
  });
});
