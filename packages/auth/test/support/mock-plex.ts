import { createPlexClient, type PlexClient, type PlexClientOptions } from "@plex/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

export const PMS_URL = "http://10.0.0.5:32400";
export const PLEX_TV_URL = "https://plex.tv/api/v2";
export const ACCESS_TOKEN = "test-access-token-51d0";

export const IDENTITY = {
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

/** Every X-Plex-* identity header the client options above must produce, on every call. */
export const EXPECTED_IDENTITY_HEADERS: Record<string, string> = {
  "x-plex-client-identifier": IDENTITY.clientIdentifier,
  "x-plex-product": IDENTITY.product,
  "x-plex-version": IDENTITY.version,
  "x-plex-platform": IDENTITY.platform,
  "x-plex-platform-version": IDENTITY.platformVersion,
  "x-plex-device": IDENTITY.device,
  "x-plex-device-name": IDENTITY.deviceName,
  "x-plex-model": IDENTITY.model,
  "x-plex-device-vendor": IDENTITY.deviceVendor,
  "x-plex-marketplace": IDENTITY.marketplace,
};

export function xPlexHeaders(headers: Headers): Record<string, string> {
  const found: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name.toLowerCase().startsWith("x-plex-")) found[name.toLowerCase()] = value;
  });
  return found;
}

/** A client with every identity field set, a token, and no retries unless a test asks for them. */
export function testClient(overrides: Partial<PlexClientOptions> = {}): PlexClient {
  return createPlexClient({
    ...IDENTITY,
    accessToken: ACCESS_TOKEN,
    serverURL: PMS_URL,
    retry: false,
    ...overrides,
  });
}

export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/**
 * An msw server that fails on any request no test expects, and records what each handled request carried so
 * tests assert on the wire, not on what the code meant to send.
 */
export function useMockPlex() {
  const server = setupServer();
  const seen: SeenRequest[] = [];
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());

  /** Answers every method on `url` (query ignored) with a fresh response from `reply` for each attempt. */
  function answer(url: string, reply: (request: Request) => Response | Promise<Response>): void {
    server.use(
      http.all(url, async ({ request }) => {
        seen.push({
          method: request.method,
          url: new URL(request.url),
          // Copied entry by entry: on Node 20, `new Headers(request.headers)` of a request rebuilt with
          // `new Request(request, { headers })` (as core's auth middleware does) doubles every value.
          headers: new Headers([...request.headers]),
          body: await request.clone().text(),
        });
        return reply(request);
      }),
    );
  }
  return { server, seen, answer };
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
