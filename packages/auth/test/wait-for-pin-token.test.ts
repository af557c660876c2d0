import {
  createPlexClient,
  PlexAbortError,
  PlexAPIError,
  PlexInvalidRequestError,
  PlexPinExpiredError,
  PlexTimeoutError,
  PlexUnauthorizedError,
} from "@plex/core";
import { PIN_AUTH_TOKEN, pinJson } from "@plex/demo-plex/fixtures";
import { TEST_IDENTITY as IDENTITY, rejection } from "@plex/demo-plex/recording";
import { afterEach, describe, expect, it, vi } from "vitest";
import { waitForPinToken } from "../src/wait-for-pin-token.js";
import { type PinReply, type PinServer, startPinServer } from "./support/pin-server.js";

// A real node:http server on 127.0.0.1: these tests are about time between polls and sockets, which msw's
// in-process interception would not show. Bounds are generous: the machine is a loaded 2-core box.

const unclaimed: PinReply = { status: 200, body: pinJson() };
const claimed: PinReply = { status: 200, body: pinJson({ authToken: PIN_AUTH_TOKEN }) };
const expired: PinReply = {
  status: 404,
  body: { errors: [{ code: 1020, message: "Code not found or expired", status: 404 }] },
};
const unavailable: PinReply = { status: 503, body: { status: 503, error: "Service Unavailable" } };
const later = (ms: number) => new Date(Date.now() + ms).toISOString();

let server: PinServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.restoreAllMocks();
});

async function setup(reply: (poll: number) => PinReply | "hang") {
  server = await startPinServer(reply);
  const client = createPlexClient({
    ...IDENTITY,
    plexTvURL: server.plexTvURL,
    accessToken: "never-sent-4411",
  });
  return { client, server };
}

describe("waitForPinToken against a local plex.tv", () => {
  it("resolves with the token once the user approved, after N polls, with the same identifier and no token", async () => {
    const { client, server } = await setup((poll) => (poll < 3 ? unclaimed : claimed));
    const seen: number[] = [];

    const token = await waitForPinToken(
      client,
      { id: 424242, expiresAt: later(60_000) },
      { intervalMs: 100, onPoll: (pin) => seen.push(pin.id) },
    );

    expect(token).toBe(PIN_AUTH_TOKEN);
    expect(server.polls).toHaveLength(4);
    expect(seen).toEqual([424242, 424242, 424242]);
    for (const poll of server.polls) {
      expect(poll.path).toBe("/api/v2/pins/424242");
      expect(poll.clientIdentifier).toBe(IDENTITY.clientIdentifier);
      expect(poll.token).toBe(false);
    }
  });

  it("respects the interval: polls at once, then no sooner than intervalMs apart", async () => {
    const { client, server } = await setup((poll) => (poll < 3 ? unclaimed : claimed));
    const started = performance.now();
    await waitForPinToken(client, { id: 424242 }, { intervalMs: 150 });

    expect(server.polls[0]!.at - started).toBeLessThan(1_000);
    const gaps = server.polls.slice(1).map((poll, index) => poll.at - server.polls[index]!.at);
    expect(gaps).toHaveLength(3);
    // Timers may fire a millisecond early relative to performance.now(); never a whole interval early.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(145);
    for (const gap of gaps) expect(gap).toBeLessThan(2_000);
  });

  it("stops at the PIN's expiresAt with PlexTimeoutError, without a poll after it", async () => {
    const { server } = await setup(() => unclaimed);
    // The property is about when the SDK *sends* a poll, so record that on the client side: the server's
    // receive time lags by however long a loaded machine takes to schedule the socket, which made this flaky.
    const sentAt: number[] = [];
    const client = createPlexClient({
      ...IDENTITY,
      plexTvURL: server.plexTvURL,
      accessToken: "never-sent-4411",
      fetch: (input, init) => {
        sentAt.push(Date.now());
        return fetch(input, init);
      },
    });
    const expiresAt = later(1_200);
    const started = Date.now();

    const error = await rejection(waitForPinToken(client, { id: 424242, expiresAt }, { intervalMs: 100 }));

    expect(error).toBeInstanceOf(PlexTimeoutError);
    expect((error as Error).message).toMatch(/expired/);
    // Not before expiry (timers may fire a few ms early), and not long after it.
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(expiresAt) - 5);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(sentAt.length).toBeGreaterThanOrEqual(2);
    for (const at of sentAt) expect(at).toBeLessThan(Date.parse(expiresAt));
    // Every poll the server saw went through the recording fetch (a last poll may be cut off by its deadline).
    expect(server.polls.length).toBeLessThanOrEqual(sentAt.length);
  });

  it("trusts expiresIn over an expiresAt that a wrong local clock already sees as past", async () => {
    const { client } = await setup(() => unclaimed);
    const pin = { id: 424242, expiresAt: "2020-01-01T00:15:00Z", expiresIn: 0.4 };
    const started = Date.now();
    const error = await rejection(waitForPinToken(client, pin, { intervalMs: 100 }));
    expect(error).toBeInstanceOf(PlexTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(395);
  });

  it("stops at timeoutMs when that comes before expiresAt", async () => {
    const { client } = await setup(() => unclaimed);
    const started = Date.now();
    const error = await rejection(
      waitForPinToken(client, { id: 424242, expiresAt: later(60_000) }, { intervalMs: 100, timeoutMs: 300 }),
    );
    expect(error).toBeInstanceOf(PlexTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 300 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(295);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("throws PlexPinExpiredError (a PlexAPIError, code 1020) for an unknown or expired PIN, without polling on", async () => {
    const { client, server } = await setup((poll) => (poll === 0 ? unclaimed : expired));
    const error = await rejection(waitForPinToken(client, { id: 424242 }, { intervalMs: 100 }));
    expect(error).toBeInstanceOf(PlexPinExpiredError);
    expect(error).toBeInstanceOf(PlexAPIError);
    expect(error).toMatchObject({ statusCode: 404, code: 1020 });
    expect(server.polls).toHaveLength(2);
  });

  it("ends within 50 ms when aborted in the middle of an interval, and leaves no timer behind", async () => {
    const { client, server } = await setup(() => unclaimed);
    const controller = new AbortController();
    // Track the 10 s pause's own timer: it must be cleared on abort, not left to run out.
    const realSetTimeout = globalThis.setTimeout;
    const pauses: unknown[] = [];
    vi.spyOn(globalThis, "setTimeout").mockImplementation(((fn: () => void, ms?: number) => {
      const handle = realSetTimeout(fn, ms);
      if (ms === 10_000) pauses.push(handle);
      return handle;
    }) as typeof setTimeout);
    const clearSpy = vi.spyOn(globalThis, "clearTimeout");
    const wait = waitForPinToken(client, { id: 424242 }, { intervalMs: 10_000, signal: controller.signal });
    await vi.waitFor(() => expect(server.polls).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 100)); // now inside the 10 s pause

    const aborted = performance.now();
    controller.abort();
    const error = await rejection(wait);
    const took = performance.now() - aborted;

    expect(error).toBeInstanceOf(PlexAbortError);
    expect(took).toBeLessThan(50);
    expect(pauses).toHaveLength(1);
    expect(clearSpy).toHaveBeenCalledWith(pauses[0]);
    expect(server.polls).toHaveLength(1);
  });

  it("also ends mid-interval on the per-call options' signal", async () => {
    const { client, server } = await setup(() => unclaimed);
    const controller = new AbortController();
    const wait = waitForPinToken(
      client,
      { id: 424242 },
      { intervalMs: 10_000 },
      { signal: controller.signal },
    );
    await vi.waitFor(() => expect(server.polls).toHaveLength(1));
    const aborted = performance.now();
    controller.abort();
    expect(await rejection(wait)).toBeInstanceOf(PlexAbortError);
    expect(performance.now() - aborted).toBeLessThan(50);
  });

  it("aborts a poll that is still waiting for its answer", async () => {
    const { client } = await setup(() => "hang");
    const controller = new AbortController();
    const wait = waitForPinToken(client, { id: 424242 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    expect(await rejection(wait)).toBeInstanceOf(PlexAbortError);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("rejects at once with an already aborted signal, before any request", async () => {
    const { client, server } = await setup(() => claimed);
    const error = await rejection(waitForPinToken(client, { id: 424242 }, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(PlexAbortError);
    expect(server.polls).toHaveLength(0);
  });

  it("tolerates a 503 and a refused connection between polls", async () => {
    const { client, server } = await setup(
      (poll) => [unclaimed, unavailable, unclaimed, claimed][poll] ?? claimed,
    );
    expect(await waitForPinToken(client, { id: 424242 }, { intervalMs: 100 })).toBe(PIN_AUTH_TOKEN);
    expect(server.polls).toHaveLength(4);

    // A port nobody listens on: every poll fails to connect, so the wait runs out instead of failing early.
    const closed = server.plexTvURL;
    await server.close();
    const offline = createPlexClient({ ...IDENTITY, plexTvURL: closed });
    const error = await rejection(waitForPinToken(offline, { id: 1 }, { intervalMs: 100, timeoutMs: 400 }));
    expect(error).toBeInstanceOf(PlexTimeoutError);
  });

  it("backs off on 429: the pause doubles instead of keeping the interval", async () => {
    const busy: PinReply = {
      status: 429,
      body: { errors: [{ code: 1003, message: "Too many requests", status: 429 }] },
    };
    const { client, server } = await setup((poll) => (poll < 2 ? busy : claimed));
    expect(await waitForPinToken(client, { id: 424242 }, { intervalMs: 100 })).toBe(PIN_AUTH_TOKEN);
    const [first, second, third] = server.polls;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(195);
    expect(third!.at - second!.at).toBeGreaterThanOrEqual(395);
  });

  it("honours Retry-After on 429 when it is longer than the back-off", async () => {
    const busy: PinReply = {
      status: 429,
      body: { errors: [{ code: 1003, message: "Slow down" }] },
      headers: { "retry-after": "1" },
    };
    const { client, server } = await setup((poll) => (poll < 1 ? busy : claimed));
    await waitForPinToken(client, { id: 424242 }, { intervalMs: 100 });
    expect(server.polls[1]!.at - server.polls[0]!.at).toBeGreaterThanOrEqual(990);
  });

  it("ends on an error a next poll cannot fix (401)", async () => {
    const { client, server } = await setup(() => ({
      status: 401,
      body: { errors: [{ code: 1001, message: "User could not be authenticated" }] },
    }));
    expect(await rejection(waitForPinToken(client, { id: 424242 }, { intervalMs: 100 }))).toBeInstanceOf(
      PlexUnauthorizedError,
    );
    expect(server.polls).toHaveLength(1);
  });

  it("refuses intervals under 100 ms and bad ids before sending", async () => {
    const { client, server } = await setup(() => claimed);
    expect(await rejection(waitForPinToken(client, { id: 1 }, { intervalMs: 10 }))).toBeInstanceOf(
      PlexInvalidRequestError,
    );
    expect(await rejection(waitForPinToken(client, { id: -1 }))).toBeInstanceOf(PlexInvalidRequestError);
    expect(server.polls).toHaveLength(0);
  });
});
