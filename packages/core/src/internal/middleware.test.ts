import { describe, expect, it } from "vitest";
import { PlexAPIError } from "../errors";
import { compose, MAX_REDIRECTS, redirectGuard } from "./middleware";

describe("compose", () => {
  it("runs middleware outermost first around the terminal", async () => {
    const order: string[] = [];
    const send = compose(
      [
        async (request, next) => {
          order.push("a");
          return next(request);
        },
        async (request, next) => {
          order.push("b");
          return next(request);
        },
      ],
      async () => {
        order.push("fetch");
        return new Response("x");
      },
    );
    await send(new Request("http://h.test/"));
    expect(order).toEqual(["a", "b", "fetch"]);
  });
});

describe("redirectGuard", () => {
  it("sends every request with redirect: manual so fetch never follows on its own", async () => {
    let mode: RequestRedirect | undefined;
    await redirectGuard(new Request("http://h.test/"), async (request) => {
      mode = request.redirect;
      return new Response("ok");
    });
    expect(mode).toBe("manual");
  });

  it("refuses a browser's opaque redirect, whose target it cannot check", async () => {
    const opaque = { type: "opaqueredirect", status: 0, headers: new Headers() } as Response;
    const error = await redirectGuard(new Request("http://h.test/"), async () => opaque).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PlexAPIError);
    expect((error as PlexAPIError).statusCode).toBe(0);
  });

  it("returns a 3xx without Location as is (the client maps it to an error)", async () => {
    const response = await redirectGuard(
      new Request("http://h.test/"),
      async () => new Response(null, { status: 304 }),
    );
    expect(response.status).toBe(304);
  });

  it("follows at most MAX_REDIRECTS same-origin hops", async () => {
    let hops = 0;
    const error = await redirectGuard(new Request("http://h.test/a"), async () => {
      hops++;
      return new Response(null, { status: 302, headers: { location: `/a${hops}` } });
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlexAPIError);
    expect(hops).toBe(MAX_REDIRECTS + 1);
  });
});

describe("redirectGuard with a request built without redirect: manual", () => {
  it("still sends it with redirect: manual", async () => {
    let mode: RequestRedirect | undefined;
    await redirectGuard(new Request("http://h.test/", { redirect: "follow" }), async (request) => {
      mode = request.redirect;
      return new Response("ok");
    });
    expect(mode).toBe("manual");
  });
});
