import { inspect } from "node:util";
import {
  createPlexClient,
  PlexAbortError,
  type PlexClientOptions,
  PlexInvalidRequestError,
  PlexUnauthorizedError,
} from "@plex/core";
import {
  json,
  rejection,
  TEST_CLIENT_OPTIONS,
  useRecordingServer as useMockPlex,
} from "@plex/demo-plex/recording";
import { describe, expect, it, vi } from "vitest";
import { createJwtTokenProvider, type JwtTokenStore } from "../src/create-jwt-token-provider.js";
import { generateDeviceKey } from "../src/device-key.js";
import { decodeJws } from "../src/internal/jws.js";
import { CLIENTS_URL, DAY_SEC, serveJwtExchange } from "./support/fake-plex-jwt.js";

const testClient = (overrides: Partial<PlexClientOptions> = {}) =>
  createPlexClient({ ...TEST_CLIENT_OPTIONS, ...overrides });

const mock = useMockPlex();
const HOUR = 60 * 60 * 1000;
const claimN = (token: string) => decodeJws(token)?.payload.n;

function memoryStore(initial?: { token: string; expiresAt: number }) {
  let value = initial;
  return {
    sets: 0,
    get: () => value,
    set(next: { token: string; expiresAt: number }) {
      this.sets += 1;
      value = next;
    },
    peek: () => value,
  };
}

describe("createJwtTokenProvider", () => {
  it("gets a token on first use, then returns it without refreshing while it is far from expiry", async () => {
    const { state } = await serveJwtExchange(mock);
    const provider = createJwtTokenProvider({ client: testClient(), key: await generateDeviceKey() });

    const first = await provider();
    expect(await provider()).toBe(first);
    expect(await provider({})).toBe(first);
    expect(state.exchanges).toBe(1);
    expect(provider.current()?.token).toBe(first);
  });

  it("refreshes ahead of expiry: inside refreshWithinMs a call gets a new token", async () => {
    const { state } = await serveJwtExchange(mock, { lifetimeSec: 7 * DAY_SEC });
    let now = Date.now();
    const provider = createJwtTokenProvider({
      client: testClient(),
      key: await generateDeviceKey(),
      refreshWithinMs: 24 * HOUR,
      now: () => now,
    });
    const first = await provider();
    now += 5 * 24 * HOUR; // 2 days left: still outside the window
    expect(await provider()).toBe(first);
    expect(state.exchanges).toBe(1);

    now += 24 * HOUR + 60_000; // less than 24 h left
    const second = await provider();
    expect(second).not.toBe(first);
    expect(claimN(second)).toBe(2);
    expect(state.exchanges).toBe(2);
  });

  it("runs one refresh for 50 concurrent calls", async () => {
    const { state } = await serveJwtExchange(mock, { delayMs: 30 });
    const provider = createJwtTokenProvider({ client: testClient(), key: await generateDeviceKey() });

    const tokens = await Promise.all(Array.from({ length: 50 }, () => provider()));

    expect(new Set(tokens).size).toBe(1);
    expect(state.exchanges).toBe(1);
    expect(state.nonces).toBe(1);
  });

  it("on { expiredToken } (core's 498 hook) refreshes once, and a late caller with the same stale token gets the new one", async () => {
    const { state } = await serveJwtExchange(mock, { delayMs: 10 });
    const provider = createJwtTokenProvider({ client: testClient(), key: await generateDeviceKey() });
    const stale = await provider();

    const [a, b] = await Promise.all([provider({ expiredToken: stale }), provider({ expiredToken: stale })]);
    expect(a).toBe(b);
    expect(a).not.toBe(stale);
    expect(state.exchanges).toBe(2);

    // Already replaced: no further refresh.
    expect(await provider({ expiredToken: stale })).toBe(a);
    expect(state.exchanges).toBe(2);
  });

  it("reads the stored token first and writes each new one to the store", async () => {
    const { state } = await serveJwtExchange(mock);
    const store = memoryStore({ token: "stored.jwt.value", expiresAt: Date.now() + 3 * 24 * HOUR });
    const provider = createJwtTokenProvider({ client: testClient(), key: await generateDeviceKey(), store });

    expect(await provider()).toBe("stored.jwt.value");
    expect(state.exchanges).toBe(0);

    const fresh = await provider({ expiredToken: "stored.jwt.value" });
    expect(store.peek()).toEqual({ token: fresh, expiresAt: expect.any(Number) });
    expect(store.sets).toBe(1);
  });

  it("a store that throws (get and set) is reported and otherwise ignored", async () => {
    const { state } = await serveJwtExchange(mock);
    const onStoreError = vi.fn();
    const broken: JwtTokenStore = {
      get: () => {
        throw new Error("disk on fire");
      },
      set: async () => {
        throw new Error("read-only filesystem");
      },
    };
    const provider = createJwtTokenProvider({
      client: testClient(),
      key: await generateDeviceKey(),
      store: broken,
      onStoreError,
    });

    const token = await provider();
    expect(await provider()).toBe(token);
    expect(state.exchanges).toBe(1);
    expect(onStoreError.mock.calls.map(([, operation]) => operation)).toEqual(["get", "set"]);
  });

  it("a store that returns junk is ignored", async () => {
    const { state } = await serveJwtExchange(mock);
    const store = { get: () => ({ token: 42 }) as never, set: () => {} };
    const provider = createJwtTokenProvider({ client: testClient(), key: await generateDeviceKey(), store });
    await provider();
    expect(state.exchanges).toBe(1);
  });

  it("keeps using a still-valid token when an early refresh fails, and throws once none is left", async () => {
    let now = Date.now();
    const { state } = await serveJwtExchange(mock, { lifetimeSec: 2 * DAY_SEC });
    const provider = createJwtTokenProvider({
      client: testClient(),
      key: await generateDeviceKey(),
      now: () => now,
    });
    const first = await provider();
    mock.server.resetHandlers();
    mock.answer(`${CLIENTS_URL}/auth/nonce`, () => json({ nonce: "n" }));
    mock.answer(`${CLIENTS_URL}/auth/token`, () =>
      json({ errors: [{ code: 1001, message: "revoked" }] }, 401),
    );

    now += 1.5 * 24 * HOUR; // inside the window, not expired
    expect(await provider()).toBe(first);
    now += 24 * HOUR; // expired
    expect(await rejection(provider())).toBeInstanceOf(PlexUnauthorizedError);
    expect(state.exchanges).toBe(1);
  });

  it("a caller's abort ends its wait, not the shared refresh", async () => {
    const { state } = await serveJwtExchange(mock, { delayMs: 50 });
    const provider = createJwtTokenProvider({ client: testClient(), key: await generateDeviceKey() });
    const controller = new AbortController();
    const waiting = provider({ signal: controller.signal });
    const other = provider();
    controller.abort();
    expect(await rejection(waiting)).toBeInstanceOf(PlexAbortError);
    expect(typeof (await other)).toBe("string");
    expect(state.exchanges).toBe(1);
  });

  it("checks its options and never shows the key", async () => {
    const key = await generateDeviceKey();
    expect(() => createJwtTokenProvider({ client: testClient(), key: {} as never })).toThrow(
      PlexInvalidRequestError,
    );
    expect(() => createJwtTokenProvider({ client: testClient(), key, refreshWithinMs: -1 })).toThrow(
      PlexInvalidRequestError,
    );
    const provider = createJwtTokenProvider({ client: testClient(), key });
    expect(inspect(provider, { showHidden: true, depth: 5 })).not.toMatch(/"d"/);
  });
});
