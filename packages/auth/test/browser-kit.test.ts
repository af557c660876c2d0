import { createPlexClient, PlexAbortError, PlexPinExpiredError } from "@plex/core";
import { createDemoPlex, DEMO_TOKENS } from "@plex/demo-plex";
import { demoHandlers } from "@plex/demo-plex/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  CLIENT_IDENTIFIER_KEY,
  createClientIdentifier,
  PENDING_SIGN_IN_KEY,
  resumePlexSignIn,
  type SignInWindow,
  signInWithPlex,
} from "../src/browser.js";

// The browser kit against the demo plex.tv (msw), with a scripted window: what matters is the order of calls
// (the popup opened before any await), what is stored where, and that `popup.closed` is never read.

const PLEX_TV = "https://plex.tv/api/v2";
let demo = createDemoPlex({ pinClaimAfterPolls: Number.POSITIVE_INFINITY });
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function useDemo(options: Parameters<typeof createDemoPlex>[0] = {}) {
  demo = createDemoPlex({ pinClaimAfterPolls: Number.POSITIVE_INFINITY, ...options });
  server.use(...demoHandlers({ demo }));
}

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

function fakeWindow(options: { blocked?: boolean } = {}) {
  const events: string[] = [];
  const popup = {
    location: { href: "about:blank" },
    closeCalls: 0,
    close() {
      this.closeCalls += 1;
      events.push("popup.close");
    },
    get closed(): boolean {
      throw new Error("popup.closed must not be read (COOP hides it)");
    },
  };
  const win = {
    events,
    popup,
    assigned: [] as string[],
    open(url?: string) {
      events.push(`open ${url}`);
      return options.blocked ? null : popup;
    },
    location: {
      href: "https://myapp.test/settings?tab=account",
      assign(url: string) {
        win.assigned.push(url);
        events.push("location.assign");
      },
    },
    sessionStorage: memoryStorage(),
  };
  return win satisfies SignInWindow;
}

const client = () =>
  createPlexClient({ clientIdentifier: "browser-kit-test-01", product: "Kit Tests", retry: false });

/** Approves the PIN the way the demo auth page's Allow does. */
async function allow(code: string): Promise<void> {
  const response = await fetch(`${PLEX_TV}/pins/link`, {
    method: "PUT",
    headers: {
      "X-Plex-Client-Identifier": "demo-auth-page",
      "X-Plex-Token": DEMO_TOKENS.account,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ code }),
  });
  expect(response.status).toBe(204);
}

describe("signInWithPlex, popup flow", () => {
  it("opens the popup synchronously, points it at the auth app, resolves with the token once allowed, closes it", async () => {
    useDemo();
    const win = fakeWindow();
    const codes: string[] = [];
    const signIn = signInWithPlex(client(), {
      window: win,
      intervalMs: 100,
      authAppURL: "http://127.0.0.1:9/auth",
      onCode: ({ code, url, flow, expiresAt }) => {
        codes.push(code);
        expect(flow).toBe("popup");
        expect(url).toContain(`code=${code}`);
        expect(Date.parse(expiresAt ?? "")).toBeGreaterThan(Date.now());
        void allow(code);
      },
    });
    // Same tick as the click: nothing awaited yet.
    expect(win.events).toEqual(["open about:blank"]);

    expect(await signIn).toBe(DEMO_TOKENS.account);
    expect(codes).toHaveLength(1);
    expect(codes[0]).toHaveLength(25); // a strong PIN
    expect(win.popup.location.href).toBe(
      `http://127.0.0.1:9/auth#?clientID=browser-kit-test-01&code=${codes[0]}&context[device][product]=Kit%20Tests`,
    );
    expect(win.popup.closeCalls).toBe(1);
    expect(win.assigned).toEqual([]);
    expect(win.sessionStorage.map.size).toBe(0);
  });

  it("cancel() ends the wait with PlexAbortError and closes the popup; Deny (no claim) never resolves it", async () => {
    useDemo();
    const win = fakeWindow();
    let shown = false;
    const signIn = signInWithPlex(client(), { window: win, intervalMs: 100, onCode: () => (shown = true) });
    await new Promise((resolve) => setTimeout(resolve, 300)); // several unclaimed polls, as after Deny
    expect(shown).toBe(true);
    const started = performance.now();
    signIn.cancel();
    await expect(signIn).rejects.toBeInstanceOf(PlexAbortError);
    expect(performance.now() - started).toBeLessThan(50);
    expect(win.popup.closeCalls).toBe(1);
  });

  it("follows the caller's signal, even before the PIN exists", async () => {
    useDemo();
    const win = fakeWindow();
    const controller = new AbortController();
    const signIn = signInWithPlex(client(), { window: win, signal: controller.signal });
    controller.abort();
    await expect(signIn).rejects.toBeInstanceOf(PlexAbortError);
    expect(win.popup.closeCalls).toBe(1);
  });

  it("closes the popup and rejects when the PIN expires before anyone allows it", async () => {
    useDemo({ pinLifetimeSeconds: 0.3 });
    const win = fakeWindow();
    const signIn = signInWithPlex(client(), { window: win, intervalMs: 100 });
    await expect(signIn).rejects.toMatchObject({
      name: expect.stringMatching(/PlexTimeoutError|PlexPinExpiredError/),
    });
    expect(win.popup.closeCalls).toBe(1);
  });
});

describe("signInWithPlex, redirect flow and resumePlexSignIn", () => {
  it("when the popup is blocked: keeps the pending PIN in sessionStorage only, goes to the auth app, and resumes", async () => {
    useDemo();
    const win = fakeWindow({ blocked: true });
    const signIn = signInWithPlex(client(), { window: win, authAppURL: "http://127.0.0.1:9/auth" });
    await expect.poll(() => win.assigned.length).toBe(1);

    const pending = JSON.parse(win.sessionStorage.map.get(PENDING_SIGN_IN_KEY) ?? "{}");
    expect(pending).toEqual({
      pinId: expect.any(Number),
      code: expect.any(String),
      clientIdentifier: "browser-kit-test-01",
    });
    const target = new URL(win.assigned[0]!);
    expect(target.origin + target.pathname).toBe("http://127.0.0.1:9/auth");
    const params = new URLSearchParams(target.hash.slice(2));
    expect(params.get("forwardUrl")).toBe("https://myapp.test/settings?tab=account");
    // The way back carries nothing about the PIN: the return page reads sessionStorage only.
    expect(params.get("forwardUrl")).not.toContain(String(pending.pinId));
    signIn.cancel();
    await expect(signIn).rejects.toBeInstanceOf(PlexAbortError);

    // The user allows on plex.tv and comes back; a fresh page (new client object) resumes.
    await allow(pending.code);
    const token = await resumePlexSignIn(client(), { window: win, intervalMs: 100 });
    expect(token).toBe(DEMO_TOKENS.account);
    expect(win.sessionStorage.map.has(PENDING_SIGN_IN_KEY)).toBe(false);
  });

  it("popup: false skips window.open entirely and uses the given forwardUrl", async () => {
    useDemo();
    const win = fakeWindow();
    const signIn = signInWithPlex(client(), {
      window: win,
      popup: false,
      forwardUrl: "https://myapp.test/back",
    });
    await expect.poll(() => win.assigned.length).toBe(1);
    expect(win.events.some((event) => event.startsWith("open"))).toBe(false);
    expect(new URLSearchParams(new URL(win.assigned[0]!).hash.slice(2)).get("forwardUrl")).toBe(
      "https://myapp.test/back",
    );
    signIn.cancel();
    await expect(signIn).rejects.toBeInstanceOf(PlexAbortError);
  });

  it("resumes with the identifier that created the PIN, and clears storage when the PIN is gone", async () => {
    useDemo();
    const win = fakeWindow();
    win.sessionStorage.setItem(
      PENDING_SIGN_IN_KEY,
      JSON.stringify({ pinId: 999999, code: "X", clientIdentifier: "other-id" }),
    );
    await expect(resumePlexSignIn(client(), { window: win })).rejects.toBeInstanceOf(PlexPinExpiredError);
    expect(win.sessionStorage.map.has(PENDING_SIGN_IN_KEY)).toBe(false);
  });

  it("resolves undefined when nothing is pending, and ignores junk in storage", async () => {
    const win = fakeWindow();
    expect(await resumePlexSignIn(client(), { window: win })).toBeUndefined();
    win.sessionStorage.setItem(PENDING_SIGN_IN_KEY, '{"pinId":"1"}');
    expect(await resumePlexSignIn(client(), { window: win })).toBeUndefined();
    expect(win.sessionStorage.map.size).toBe(0);
  });
});

describe("createClientIdentifier", () => {
  it("creates the identifier once and returns the same one afterwards", () => {
    const storage = memoryStorage();
    const first = createClientIdentifier(storage);
    expect(first).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(createClientIdentifier(storage)).toBe(first);
    expect(storage.map.get(CLIENT_IDENTIFIER_KEY)).toBe(first);
    expect(createClientIdentifier(memoryStorage())).not.toBe(first);
  });

  it("still works without storage (a server), and when storage refuses to write", () => {
    expect(createClientIdentifier(undefined)).toMatch(/^[0-9a-f-]{32,36}$/);
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(createClientIdentifier(full)).toMatch(/^[0-9a-f-]{32,36}$/);
  });
});

describe("the browser entry is safe to import without a browser", () => {
  it("touches no window at import time and says what is missing when called", async () => {
    expect((globalThis as { window?: unknown }).window).toBeUndefined();
    expect(() => signInWithPlex(client())).toThrow(/browser/);
  });
});
