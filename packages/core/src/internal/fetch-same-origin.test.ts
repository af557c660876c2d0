import { describe, expect, it } from "vitest";
import { PlexAPIError } from "../errors";
import type { SendInit } from "./call";
import { fetchSameOrigin, MAX_REDIRECTS } from "./fetch-same-origin";

const init = (): SendInit => ({
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Plex-Token": "t" },
  body: "a=1",
  signal: new AbortController().signal,
  redirect: "manual",
});
const redirect = (status: number, location: string) => new Response(null, { status, headers: { location } });
const failed = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as PlexAPIError,
  );

describe("fetchSameOrigin", () => {
  it("sends every hop with redirect: manual and follows a 307 with method and body", async () => {
    const sent: [string, SendInit][] = [];
    const response = await fetchSameOrigin("http://h.test/a", init(), async (url, request) => {
      sent.push([url, request]);
      return sent.length === 1 ? redirect(307, "/b") : new Response("ok");
    });
    expect(await response.text()).toBe("ok");
    expect(sent.map(([url, request]) => [url, request.method, request.body, request.redirect])).toEqual([
      ["http://h.test/a", "POST", "a=1", "manual"],
      ["http://h.test/b", "POST", "a=1", "manual"],
    ]);
  });

  it("turns a 303 into a GET without body or content type", async () => {
    const sent: SendInit[] = [];
    await fetchSameOrigin("http://h.test/a", init(), async (_url, request) => {
      sent.push(request);
      return sent.length === 1 ? redirect(303, "/b") : new Response("ok");
    });
    expect(sent[1]).toMatchObject({ method: "GET", headers: { "X-Plex-Token": "t" } });
    expect(sent[1]!.body).toBeUndefined();
    expect(sent[1]!.headers["Content-Type"]).toBeUndefined();
  });

  it("refuses a browser's opaque redirect, whose target it cannot check", async () => {
    const opaque = { type: "opaqueredirect", status: 0, url: "", headers: new Headers() } as Response;
    const error = await failed(fetchSameOrigin("http://h.test/", init(), async () => opaque));
    expect(error).toBeInstanceOf(PlexAPIError);
    expect(error?.statusCode).toBe(0);
  });

  it("returns a 3xx without Location as is (the client maps it to an error)", async () => {
    const response = await fetchSameOrigin(
      "http://h.test/",
      init(),
      async () => new Response(null, { status: 304 }),
    );
    expect(response.status).toBe(304);
  });

  it("follows at most MAX_REDIRECTS same-origin hops", async () => {
    let hops = 0;
    const error = await failed(
      fetchSameOrigin("http://h.test/a", init(), async () => redirect(302, `/a${++hops}`)),
    );
    expect(error?.message).toMatch(/Stopped after 5 redirects/);
    expect(hops).toBe(MAX_REDIRECTS + 1);
  });

  it("refuses a Location with user:password@ without echoing it", async () => {
    let calls = 0;
    const error = await failed(
      fetchSameOrigin("http://h.test/a", init(), async () => {
        calls++;
        return redirect(302, "http://someone:hunter2-secret@h.test/b");
      }),
    );
    expect(error).toBeInstanceOf(PlexAPIError);
    expect(error?.message).toMatch(/credentials/);
    expect(JSON.stringify(error)).not.toContain("hunter2-secret");
    expect(calls).toBe(1);
  });

  it("refuses an answer a fetch fetched from another origin on its own, and drops its data", async () => {
    const followed = Response.json({ authToken: "from-elsewhere" });
    Object.defineProperty(followed, "url", { value: "https://evil.test/steal" });
    Object.defineProperty(followed, "redirected", { value: true });
    const error = await failed(fetchSameOrigin("http://h.test/a", init(), async () => followed));
    expect(error).toBeInstanceOf(PlexAPIError);
    expect(error?.message).toMatch(/another origin \(https:\/\/evil\.test\).*redirect: "manual"/);
    expect(error?.rawResponse).toBeUndefined();
    expect(followed.bodyUsed || followed.body?.locked).toBeTruthy();
  });

  it("accepts an answer from a proxying fetch that did not follow a redirect", async () => {
    const proxied = Response.json({ ok: 1 });
    Object.defineProperty(proxied, "url", { value: "http://localhost:5173/__plex_proxy" });
    const response = await fetchSameOrigin("http://h.test/a", init(), async () => proxied);
    expect(await response.json()).toEqual({ ok: 1 });
  });
});
