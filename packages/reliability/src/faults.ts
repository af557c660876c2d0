import { gzipSync } from "node:zlib";
import type { Behavior, SeenRequest } from "./fault-server";
import { whileOpen } from "./fault-server";
import type { OperationRow } from "./operations";

/** Client settings of the matrix: small, so the whole matrix runs in seconds; the bounds below derive from them. */
export const MATRIX_CONFIG = {
  // Generous, so that no fault but the two timeout faults can end in a timeout on a loaded machine.
  timeoutMs: 10_000,
  retry: { maxRetries: 2, initialDelayMs: 5, maxDelayMs: 10, maxRetryAfterMs: 1_000 },
  /** Core's `maxResponseBytes` (client option); ignored by a core that does not have it yet. */
  maxResponseBytes: 64 * 1024,
} as const;

/** Room for a loaded 2-core machine on top of the least time a row can take. */
export const SLACK_MS = 3_000;

export interface Expectation {
  /** `name` of the error (the most specific class). */
  readonly error: string;
  /** Requests the operation sends (counted by the client's fetch); at most `maxAttempts` when given. */
  readonly attempts: number;
  readonly maxAttempts?: number;
  /** Requests the primary server receives (0 when the connection is refused); at most `maxServed` when given. */
  readonly served: number;
  readonly maxServed?: number;
  readonly minMs: number;
  readonly maxMs: number;
}

export interface FaultContext {
  /** Origin of the second server (127.0.0.2): any request reaching it is a failure. */
  readonly secondOrigin: string;
  /** The primary server's origin as http (for the downgrade redirect). */
  readonly plainOrigin: string;
}

/**
 * Special set-ups: `refused` points the client at a closed port; `tls` gives the client an https:// base whose
 * requests a fetch wrapper forwards to the plain http server (standing in for TLS termination), so a redirect to
 * http:// on the same host and port is a real downgrade the SDK must refuse.
 */
export type FaultSetup = "server" | "refused" | "tls";

export interface Fault {
  readonly name: string;
  readonly setup: FaultSetup;
  behavior(context: FaultContext): Behavior;
  expect(row: OperationRow): Expectation;
  /** Client options for this fault on top of MATRIX_CONFIG (the timeout faults use a short timeout). */
  readonly client?: { readonly timeoutMs: number };
  /** A guarantee that needs core work not on main yet; the matrix skips the row (and says so) without it. */
  readonly needs?: "maxResponseBytes";
}

const { retry } = MATRIX_CONFIG;
/** The timeout the two timeout faults run with. */
export const SHORT_TIMEOUT_MS = 250;
const timeoutMs = SHORT_TIMEOUT_MS;
/** Attempts for an error that is retried when the operation may be repeated. */
const retried = (row: OperationRow) => (row.idempotent ? retry.maxRetries + 1 : 1);

/**
 * Both timeout faults: every attempt times out. On a loaded machine an attempt can time out before the server has
 * read its request, so the server may count fewer than the client sent.
 */
const timedOut = (row: OperationRow): Expectation => ({
  error: "PlexTimeoutError",
  attempts: retried(row),
  maxAttempts: retried(row),
  served: 1,
  maxServed: retried(row),
  // Node's timers may fire a fraction of a millisecond before performance.now() says the time is up.
  minMs: retried(row) * (timeoutMs - 2),
  maxMs: retried(row) * timeoutMs + SLACK_MS,
});

/**
 * What a hostile or broken server echoes back: the token it received and any password in the body. (A Home PIN in
 * the query is not echoed here: core does not scrub it yet, see test/pending/home-pin-echo.pending.ts.)
 */
export function echoed(seen: SeenRequest): string {
  const token = seen.headers["x-plex-token"];
  const password = new URLSearchParams(seen.body).get("password");
  return [typeof token === "string" ? token : "", password ?? ""].join(" ").trim() || "nothing";
}

type Response = Parameters<Behavior>[1];

function send(response: Response, type: string, status: number, body: string, headers = {}): void {
  response.writeHead(status, { "content-type": type, ...headers });
  response.end(body);
}

const json =
  (status: number, body: string, headers: Record<string, string> = {}): Behavior =>
  (_seen, response) =>
    send(response, "application/json", status, body, headers);

function statusFault(status: number, error: string): Fault {
  return {
    name: `${status}`,
    setup: "server",
    behavior: () => (seen, response) => {
      const secret = echoed(seen);
      const body = { errors: [{ code: 2000, message: `failed for ${secret}`, status }], authToken: secret };
      send(response, "application/json", status, JSON.stringify(body));
    },
    expect: (row) => ({ error, attempts: retried(row), served: retried(row), minMs: 0, maxMs: SLACK_MS }),
  };
}

const once = (error: string, served = 1) => ({ error, attempts: served, served, minMs: 0, maxMs: SLACK_MS });

const xml =
  (status: number, body: string, headers: Record<string, string> = {}): Behavior =>
  (_seen, response) =>
    send(response, "application/xml", status, body, headers);

const rateLimited = (headers: Record<string, string>): Behavior =>
  xml(429, '<errors><error code="1003" message="Too many requests" status="429"/></errors>', headers);

/** A JSON answer larger than the matrix's `maxResponseBytes`. */
const oversized = () =>
  JSON.stringify({ MediaContainer: { token: "x", pad: "a".repeat(MATRIX_CONFIG.maxResponseBytes * 4) } });
/** 16 MiB of JSON that gzip turns into about 16 kB: twice core's default limit, 256 times the matrix's. */
const bomb = gzipSync(Buffer.from(`{"pad":"${"0".repeat(16 * 1024 * 1024)}"}`));

/** The gzip bomb's behaviour (kept apart: its body is binary). */
const gzipBomb: Behavior = (_seen, response) => {
  response.writeHead(200, {
    "content-type": "application/json",
    "content-encoding": "gzip",
    "content-length": String(bomb.length),
  });
  response.end(bomb);
};

export const FAULTS: readonly Fault[] = [
  {
    name: "connection refused",
    setup: "refused",
    behavior: () => () => {},
    expect: (row) => ({
      error: "PlexConnectionError",
      attempts: retried(row),
      served: 0,
      minMs: 0,
      maxMs: SLACK_MS,
    }),
  },
  {
    name: "reset mid-body",
    setup: "server",
    behavior: () => (seen, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "4096" });
      response.write(`{"authToken":"${echoed(seen)}","MediaContainer":{`);
      setTimeout(() => response.destroy(), 5);
    },
    expect: (row) => ({
      error: "PlexConnectionError",
      attempts: retried(row),
      served: retried(row),
      minMs: 0,
      maxMs: SLACK_MS,
    }),
  },
  {
    name: "stall past the timeout",
    setup: "server",
    client: { timeoutMs },
    behavior: () => () => {},
    expect: timedOut,
  },
  {
    name: "body trickles 1 byte/s",
    setup: "server",
    client: { timeoutMs },
    behavior: () => (_seen, response, socket) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write("{");
      whileOpen(socket, 1_000, () => response.write(" "));
    },
    expect: timedOut,
  },
  statusFault(500, "PlexAPIError"),
  statusFault(502, "PlexAPIError"),
  statusFault(503, "PlexAPIError"),
  statusFault(504, "PlexAPIError"),
  {
    name: "429 without Retry-After",
    setup: "server",
    behavior: () => rateLimited({}),
    expect: (row) => ({
      error: "PlexRateLimitError",
      attempts: retried(row),
      served: retried(row),
      minMs: 0,
      maxMs: SLACK_MS,
    }),
  },
  {
    name: "429 Retry-After: 1",
    setup: "server",
    behavior: () => rateLimited({ "retry-after": "1" }),
    // Each retry waits the full second the server asked for (below the 1 s cap).
    expect: (row) => ({
      error: "PlexRateLimitError",
      attempts: retried(row),
      served: retried(row),
      minMs: (retried(row) - 1) * 1_000 - 20,
      maxMs: (retried(row) - 1) * 1_000 + SLACK_MS,
    }),
  },
  {
    name: "429 Retry-After beyond the cap",
    setup: "server",
    behavior: () => rateLimited({ "retry-after": "3600" }),
    // Waiting an hour is not retrying: it gives up at once with the wait in `retryAfterMs`.
    expect: () => once("PlexRateLimitError"),
  },
  {
    name: "truncated JSON",
    setup: "server",
    behavior: () => (seen, response) =>
      send(response, "application/json", 200, `{"authToken":"${echoed(seen)}","MediaContainer":{"token":"ab`),
    expect: () => once("PlexValidationError"),
  },
  {
    name: "HTML 200",
    setup: "server",
    behavior: () => (seen, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(`<!doctype html><html><body>Sign in to the Wi-Fi. token=${echoed(seen)}</body></html>`);
    },
    expect: () => once("PlexValidationError"),
  },
  {
    name: "XML 401 code 1001",
    setup: "server",
    behavior: () => (seen, response) =>
      send(
        response,
        "application/xml",
        401,
        `<errors authToken="${echoed(seen)}"><error code="1001" message="User could not be authenticated" status="401"/></errors>`,
      ),
    expect: () => once("PlexUnauthorizedError"),
  },
  {
    name: "XML 422 Invalid token",
    setup: "server",
    behavior: () => xml(422, "<errors><error>Invalid token</error></errors>"),
    expect: () => once("PlexUnauthorizedError"),
  },
  {
    // An expired JWT. The matrix's token is a string, so there is nothing to refresh: one attempt, then the error.
    name: "498 token expired",
    setup: "server",
    behavior: () => json(498, '{"errors":[{"code":498,"message":"Token expired","status":498}]}'),
    expect: () => once("PlexTokenExpiredError"),
  },
  {
    name: "empty 200",
    setup: "server",
    behavior: () => json(200, ""),
    expect: () => once("PlexValidationError"),
  },
  {
    name: "body over the size limit",
    setup: "server",
    needs: "maxResponseBytes",
    behavior: () => json(200, oversized()),
    expect: () => once("PlexResponseTooLargeError"),
  },
  {
    name: "gzip bomb",
    setup: "server",
    needs: "maxResponseBytes",
    behavior: () => gzipBomb,
    expect: () => once("PlexResponseTooLargeError"),
  },
  {
    name: "redirect loop",
    setup: "server",
    behavior: () => (seen, response) => {
      response.writeHead(302, { location: seen.url });
      response.end();
    },
    // The first request and five same-origin hops, then a typed refusal.
    expect: () => once("PlexAPIError", 6),
  },
  {
    name: "cross-origin redirect",
    setup: "server",
    behavior: (context) => (seen, response) => {
      response.writeHead(307, { location: `${context.secondOrigin}${seen.url}` });
      response.end();
    },
    expect: () => once("PlexAPIError"),
  },
  {
    name: "https → http downgrade redirect",
    setup: "tls",
    behavior: (context) => (seen, response) => {
      response.writeHead(301, { location: `${context.plainOrigin}${seen.url}` });
      response.end();
    },
    expect: () => once("PlexAPIError"),
  },
];

/** What `row` does under `fault`: the fault's expectation, adjusted by the row where it behaves differently. */
export function expectationFor(row: OperationRow, fault: Fault): Expectation {
  const base = fault.expect(row);
  return row.expect ? row.expect(fault.name, base) : base;
}
