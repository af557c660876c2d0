import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

// The one msw recording server for the tests of every package (core, auth…): each test asserts on
// the request as the server saw it, and any request no test expected fails the test.

export const TEST_PMS_URL = "http://10.0.0.5:32400";
export const TEST_PLEX_TV_URL = "https://plex.tv/api/v2";
export const TEST_ACCESS_TOKEN = "test-access-token-51d0";

export const TEST_IDENTITY = {
  clientIdentifier: "test-client-7f3a",
  product: "Auth Tests",
  version: "1.2.3",
  platform: "Node.js",
  platformVersion: "20.20.2",
  device: "Linux",
  deviceName: "ci-runner",
  model: "vm",
  deviceVendor: "Debian",
  marketplace: "none",
} as const;

/** Client options with every identity field set, a token, and no retries (spread into createPlexClient). */
export const TEST_CLIENT_OPTIONS = {
  ...TEST_IDENTITY,
  accessToken: TEST_ACCESS_TOKEN,
  serverURL: TEST_PMS_URL,
  retry: false,
} as const;

/** Every X-Plex-* identity header the options above must produce, on every call. */
export const EXPECTED_IDENTITY_HEADERS: Record<string, string> = {
  "x-plex-client-identifier": TEST_IDENTITY.clientIdentifier,
  "x-plex-product": TEST_IDENTITY.product,
  "x-plex-version": TEST_IDENTITY.version,
  "x-plex-platform": TEST_IDENTITY.platform,
  "x-plex-platform-version": TEST_IDENTITY.platformVersion,
  "x-plex-device": TEST_IDENTITY.device,
  "x-plex-device-name": TEST_IDENTITY.deviceName,
  "x-plex-model": TEST_IDENTITY.model,
  "x-plex-device-vendor": TEST_IDENTITY.deviceVendor,
  "x-plex-marketplace": TEST_IDENTITY.marketplace,
};

export function xPlexHeaders(headers: Headers): Record<string, string> {
  const found: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name.toLowerCase().startsWith("x-plex-")) found[name.toLowerCase()] = value;
  });
  return found;
}

/** One request as the server received it. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/**
 * An msw server for the current test file that fails on any request no test expects, and the list
 * of what each handled request carried. Both are reset after every test.
 */
export function useRecordingServer() {
  const server = setupServer();
  const seen: SeenRequest[] = [];
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());

  /** Adds `request` to `seen` (its body read from a clone, so the handler can still read it). */
  async function record(request: Request): Promise<void> {
    seen.push({
      method: request.method,
      url: new URL(request.url),
      // Copied entry by entry: on Node 20, `new Headers(request.headers)` of a rebuilt request can double values.
      headers: new Headers([...request.headers]),
      body: await request.clone().text(),
    });
  }

  /** Answers every method on `url` (query ignored) with a fresh response from `reply`, recording each request. */
  function answer(url: string, reply: (request: Request) => Response | Promise<Response>): void {
    server.use(
      http.all(url, async ({ request }) => {
        await record(request);
        return reply(request);
      }),
    );
  }
  return { server, seen, record, answer };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

export function xml(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new HttpResponse(body, {
    status,
    headers: { "Content-Type": "application/xml; charset=utf-8", ...headers },
  });
}

/** Resolves to the error a promise rejects with, so tests can assert on several of its fields. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
