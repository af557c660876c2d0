import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  createPlexClient,
  PlexAbortError,
  type PlexClientOptions,
  PlexTimeoutError,
  type RequestSpec,
} from "../src/index";
import { failure } from "./helpers/failure";

// A custom fetch may ignore the signal entirely: the client must still end the attempt on time,
// both while waiting for the answer and while reading its body.
const get: RequestSpec<unknown> = {
  method: "GET",
  server: "plextv",
  path: "/user",
  auth: false,
  idempotent: true,
  responseSchema: z.unknown(),
};
const hangs = () => new Promise<Response>(() => {});
const stallingBody = async () =>
  new Response(new ReadableStream({ start: (controller) => controller.enqueue(new Uint8Array([123])) }), {
    headers: { "content-type": "application/json" },
  });

function client(fetch: typeof globalThis.fetch): ReturnType<typeof createPlexClient> {
  const options: PlexClientOptions = {
    clientIdentifier: "cancel-test-install",
    retry: false,
    timeoutMs: 20,
    fetch,
  };
  return createPlexClient(options);
}

describe("a fetch that ignores the signal", () => {
  it.each([
    ["never answers", hangs],
    ["answers but its body never ends", stallingBody],
  ])("times out when it %s", async (_name, fetch) => {
    const error = await failure<PlexTimeoutError>(client(fetch).request(get));
    expect(error).toBeInstanceOf(PlexTimeoutError);
    expect(error.timeoutMs).toBe(20);
  });

  it.each([
    ["never answers", hangs],
    ["answers but its body never ends", stallingBody],
  ])("ends with PlexAbortError when the caller aborts while it %s", async (_name, fetch) => {
    const controller = new AbortController();
    const pending = client(fetch).request(get, { signal: controller.signal, timeoutMs: 60_000 });
    setTimeout(() => controller.abort(), 5);
    expect(await failure(pending)).toBeInstanceOf(PlexAbortError);
  });
});
