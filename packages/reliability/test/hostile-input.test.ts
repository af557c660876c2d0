import { createPlexClient, PlexError, PlexInvalidRequestError } from "@plex/auth";
import { DEMO_CLIENT_IDENTIFIER, DEMO_TOKENS } from "@plex/demo-plex";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  clientFor,
  countingFetch,
  demoBehavior,
  type FaultServer,
  type FetchCount,
  OPERATIONS,
  type OperationRow,
  PRIMARY_HOST,
  SECOND_HOST,
  type SeenRequest,
  type SentValue,
  SUITE_PRODUCT,
  startFaultServer,
} from "../src/index";
import { headerValue, hostileString, wellFormed } from "./hostile-strings";
import { settle } from "./support";

// Each property runs against real servers; the counts keep the suite within seconds on a loaded machine.
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 14);
const params = { numRuns: RUNS, seed: SEED };

let primary: FaultServer;
let second: FaultServer;
const baseline = new Map<string, SeenRequest>();

beforeAll(async () => {
  primary = await startFaultServer(PRIMARY_HOST, demoBehavior());
  second = await startFaultServer(SECOND_HOST, demoBehavior());
  // What each operation sends with ordinary input: the header names every fuzzed call must match.
  for (const row of OPERATIONS) {
    primary.seen.length = 0;
    await row.call(clientFor(primary.url, { retry: false }));
    baseline.set(row.name, primary.seen[0]!);
  }
});
afterAll(async () => {
  await Promise.all([primary.close(), second.close()]);
});

const names = (seen: SeenRequest) =>
  [...new Set(seen.rawHeaderNames.map((name) => name.toLowerCase()))].sort();

/** The request is the operation's, to the configured host, with `expected` in place and nothing added. */
function expectCorrect(seen: SeenRequest, row: OperationRow, expected: SentValue, origin: string): void {
  // Concatenated, not resolved: a request-target starting with "//" is a path here, not another host.
  const url = new URL(`${origin}${seen.url}`);
  expect(seen.method).toBe(row.method);
  expect(
    url.pathname.endsWith(expected.path ?? row.path),
    `${url.pathname} ends with ${expected.path ?? row.path}`,
  ).toBe(true);
  expect(seen.headers.host).toBe(new URL(origin).host);
  const base = baseline.get(row.name)!;
  const wanted = new Set(names(base));
  if (expected.header) wanted.add(expected.header[0].toLowerCase());
  // content-length comes and goes with the body; every other header name must be one the SDK always sends.
  const sent = names(seen).filter((name) => name !== "content-length");
  expect(sent).toEqual([...wanted].filter((name) => name !== "content-length").sort());
  if (expected.header) {
    expect(seen.headers[expected.header[0].toLowerCase()]).toBe(headerValue(expected.header[1]));
  }
  const query = [...url.searchParams.keys()].sort();
  expect(query).toEqual(
    Object.keys(expected.query ?? Object.fromEntries(new URL(`${origin}${base.url}`).searchParams)).sort(),
  );
  for (const [key, value] of Object.entries(expected.query ?? {})) {
    expect(url.searchParams.get(key)).toBe(wellFormed(value));
  }
  if (expected.form) {
    const form = new URLSearchParams(seen.body);
    expect([...form.keys()].sort()).toEqual(Object.keys(expected.form).sort());
    for (const [key, value] of Object.entries(expected.form)) expect(form.get(key)).toBe(wellFormed(value));
  }
}

/** Runs `call`; it is refused before sending (nothing reached any server or fetch) or sent one correct request. */
async function refusedOrCorrect(
  call: (fetchFn: typeof fetch) => Promise<unknown>,
  check: (seen: SeenRequest) => void,
): Promise<"refused" | "sent"> {
  primary.seen.length = 0;
  second.seen.length = 0;
  const count: FetchCount = { attempts: 0, plainHttp: 0 };
  const { error } = await settle(call(countingFetch(count, false)));
  if (error !== undefined) expect(PlexError.isInstance(error), String(error)).toBe(true);
  if (PlexInvalidRequestError.isInstance(error)) {
    expect(count.attempts, "fetch was not called").toBe(0);
    expect([...primary.seen, ...second.seen], "no server saw a request").toEqual([]);
    return "refused";
  }
  expect(count.attempts).toBe(1);
  expect(second.seen).toEqual([]);
  expect(primary.seen).toHaveLength(1);
  check(primary.seen[0]!);
  return "sent";
}

describe("hostile input: every public function's inputs are refused before sending or sent exactly", () => {
  for (const row of OPERATIONS) {
    for (const field of row.inputs) {
      test(`${row.name}: ${field.name} never injects a header, parameter or host`, async () => {
        const outcomes = new Set<string>();
        await fc.assert(
          fc.asyncProperty(hostileString, async (value) => {
            // A Home user's uuid of "." or ".." becomes a path segment the URL parser resolves (switchHomeUser then
            // posts to /api/v2/home/switch), and a lone surrogate throws a bare URIError:
            // test/pending/switch-home-user-uuid.pending.ts.
            fc.pre(
              !(field.name === "uuid" && (value === "." || value === ".." || value !== wellFormed(value))),
            );
            const outcome = await refusedOrCorrect(
              (fetchFn) => field.call(clientFor(primary.url, { retry: false, fetch: fetchFn }), value),
              (seen) => expectCorrect(seen, row, field.sent(value), primary.url),
            );
            outcomes.add(outcome);
          }),
          params,
        );
        // A property that only ever refuses (or only sends) would prove half of the rule.
        expect(outcomes.size, `outcomes: ${[...outcomes].join(", ")}`).toBeGreaterThan(0);
      });
    }
  }

  const identity = ["clientIdentifier", "product", "version", "platform", "device", "deviceName"] as const;
  for (const field of identity) {
    test(`client option ${field} is one exact X-Plex header or refused at creation`, async () => {
      const row = OPERATIONS.find((candidate) => candidate.name === "getTokenDetails")!;
      const header = `x-plex-${field === "clientIdentifier" ? "client-identifier" : field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      await fc.assert(
        fc.asyncProperty(hostileString, async (value) => {
          await refusedOrCorrect(
            async (fetchFn) =>
              row.call(clientFor(primary.url, { retry: false, fetch: fetchFn, [field]: value })),
            (seen) => expectCorrect(seen, row, { header: [header, value] }, primary.url),
          );
        }),
        params,
      );
    });
  }

  test("accessToken is sent only as X-Plex-Token, exactly, or refused at creation", async () => {
    const row = OPERATIONS.find((candidate) => candidate.name === "getTransientToken")!;
    await fc.assert(
      fc.asyncProperty(hostileString, async (token) => {
        await refusedOrCorrect(
          async (fetchFn) =>
            row.call(clientFor(primary.url, { retry: false, fetch: fetchFn, accessToken: token })),
          (seen) => {
            expectCorrect(
              seen,
              row,
              { query: { type: "delegation", scope: "all" }, header: ["x-plex-token", token] },
              primary.url,
            );
            if (token.length >= 4) expect(seen.url).not.toContain(encodeURIComponent(token));
          },
        );
      }),
      params,
    );
  });

  test("per-call headers: a hostile name or value is refused, never split into two headers", async () => {
    const row = OPERATIONS.find((candidate) => candidate.name === "getTokenDetails")!;
    const headerName = fc.oneof(
      // "__proto__" as a header name is silently dropped today: see test/pending/header-named-proto.pending.ts.
      fc.constantFrom(
        "X-Custom",
        "x-plex-token",
        "X-Plex-Token",
        "constructor",
        "toString",
        "X\r\nInjected",
        "X:Y",
        "",
        " X",
      ),
      fc
        .stringMatching(/^[A-Za-z-]{1,12}$/)
        .filter(
          (name) =>
            ![
              "host",
              "connection",
              "content-length",
              "transfer-encoding",
              "keep-alive",
              "upgrade",
              "te",
              "trailer",
              "expect",
              "accept-encoding",
            ].includes(name.toLowerCase()),
        ),
    );
    await fc.assert(
      fc.asyncProperty(headerName, hostileString, async (name, value) => {
        const headers = JSON.parse(`{${JSON.stringify(name)}:${JSON.stringify(value)}}`) as Record<
          string,
          string
        >;
        const outcome = await refusedOrCorrect(
          (fetchFn) => row.call(clientFor(primary.url, { retry: false, fetch: fetchFn }), { headers }),
          (seen) => {
            const base = baseline.get(row.name)!;
            const overrides = Object.hasOwn(base.headers, name.toLowerCase());
            expectCorrect(seen, row, overrides ? {} : { header: [name, value] }, primary.url);
            expect(seen.headers[name.toLowerCase()]).toBe(headerValue(value));
          },
        );
        if (name.toLowerCase() === "x-plex-token") expect(outcome).toBe("refused");
      }),
      params,
    );
  });

  test("serverURL: other schemes, bad ports, fragments and token parameters are refused; a valid URL is the only host", async () => {
    const row = OPERATIONS.find((candidate) => candidate.name === "getTransientToken")!;
    const url = fc.oneof(
      fc.constantFrom(
        `file:///etc/passwd`,
        `javascript:alert(1)`,
        `data:text/plain,hi`,
        `ftp://${PRIMARY_HOST}:${primary.port}`,
        `ws://${PRIMARY_HOST}:${primary.port}`,
        `http://${PRIMARY_HOST}:99999`,
        `http://${PRIMARY_HOST}:-1`,
        `http://${PRIMARY_HOST}:${primary.port}/#fragment`,
        `http://${PRIMARY_HOST}:${primary.port}/?X-Plex-Token=${DEMO_TOKENS.account}`,
        `http://${PRIMARY_HOST}:${primary.port}/?authToken=abcd`,
        `http://${PRIMARY_HOST}:${primary.port}\r\nX-Injected: 1`,
        `//${PRIMARY_HOST}:${primary.port}`,
        `http://[::1`,
        `${PRIMARY_HOST}:${primary.port}`,
        `HTTP://${PRIMARY_HOST}:${primary.port}`,
        `http://${PRIMARY_HOST}:${primary.port}/a b/`,
        `http://${PRIMARY_HOST}:${primary.port}/..%2f..%2f`,
        `http://${PRIMARY_HOST}:${primary.port}/plex/`,
      ),
      fc
        .tuple(
          fc.constantFrom("http", "https", "file", "gopher", "blob", "chrome"),
          fc.integer({ min: -5, max: 70_000 }),
        )
        .map(([scheme, port]) => `${scheme}://${PRIMARY_HOST}:${port}`),
      hostileString.map((path) => `http://${PRIMARY_HOST}:${primary.port}/${path}`),
      hostileString,
    );
    await fc.assert(
      fc.asyncProperty(url, async (serverURL) => {
        primary.seen.length = 0;
        second.seen.length = 0;
        const count: FetchCount = { attempts: 0, plainHttp: 0 };
        const fetchFn = countingFetch(count, false);
        const { error } = await settle(
          (async () => {
            const client = createPlexClient({
              clientIdentifier: DEMO_CLIENT_IDENTIFIER,
              accessToken: DEMO_TOKENS.account,
              serverURL,
              product: SUITE_PRODUCT,
              retry: false,
              timeoutMs: 2_000,
              fetch: fetchFn,
            });
            return row.call(client);
          })(),
        );
        if (error !== undefined) expect(PlexError.isInstance(error), String(error)).toBe(true);
        if (PlexInvalidRequestError.isInstance(error)) {
          expect(count.attempts).toBe(0);
          expect([...primary.seen, ...second.seen]).toEqual([]);
          return;
        }
        // Sent: to the host the URL names and nowhere else, as the operation's request.
        expect(second.seen).toEqual([]);
        const target = new URL(serverURL);
        expect(["http:", "https:"]).toContain(target.protocol);
        if (target.host === new URL(primary.url).host && target.protocol === "http:") {
          expect(primary.seen).toHaveLength(1);
          expectCorrect(primary.seen[0]!, row, { query: { type: "delegation", scope: "all" } }, primary.url);
        } else {
          expect(primary.seen).toEqual([]);
        }
      }),
      params,
    );
  });
});
