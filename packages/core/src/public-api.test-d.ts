import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod/mini";
import {
  type AccessTokenContext,
  createPlexClient,
  type Logger,
  type Middleware,
  PlexAPIError,
  type PlexClient,
  type PlexClientOptions,
  PlexError,
  PlexRateLimitError,
  type PlexResponse,
  parseInput,
  type RequestOptions,
  type RequestSpec,
  type RetryOptions,
  redact,
  redactHeaders,
  redactUrl,
} from "./index";

describe("public types", () => {
  it("createPlexClient takes options and returns a PlexClient", () => {
    expectTypeOf(createPlexClient).parameter(0).toEqualTypeOf<PlexClientOptions>();
    expectTypeOf(createPlexClient).returns.toEqualTypeOf<PlexClient>();
    expectTypeOf<PlexClientOptions["clientIdentifier"]>().toEqualTypeOf<string>();
    expectTypeOf<PlexClientOptions["accessToken"]>().toEqualTypeOf<
      string | ((context: AccessTokenContext) => string | Promise<string>) | undefined
    >();
    expectTypeOf<AccessTokenContext["expiredToken"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<AccessTokenContext["signal"]>().toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf<PlexClientOptions["retry"]>().toEqualTypeOf<false | RetryOptions | undefined>();
    expectTypeOf<PlexClientOptions["logger"]>().toEqualTypeOf<Logger | undefined>();
  });

  it("request infers data from the response schema", async () => {
    const client = createPlexClient({ clientIdentifier: "x" });
    const spec = {
      method: "GET",
      server: "plextv",
      path: "/user",
      auth: true,
      idempotent: true,
      responseSchema: z.object({ id: z.number() }),
    } satisfies RequestSpec<{ id: number }>;
    const response = await client.request(spec);
    expectTypeOf(response).toEqualTypeOf<PlexResponse<{ id: number }>>();
    expectTypeOf(response.data.id).toBeNumber();
    expectTypeOf(client.request).parameter(1).toEqualTypeOf<RequestOptions | undefined>();
  });

  it("the spec rejects unknown methods and servers", () => {
    expectTypeOf<"PATCH">().not.toExtend<RequestSpec<unknown>["method"]>();
    expectTypeOf<"cloud">().not.toExtend<RequestSpec<unknown>["server"]>();
  });

  it("middleware has one shape", () => {
    expectTypeOf<Middleware>().toEqualTypeOf<
      (request: Request, next: (request: Request) => Promise<Response>) => Promise<Response>
    >();
  });

  it("isInstance narrows", () => {
    const value: unknown = undefined;
    if (PlexRateLimitError.isInstance(value))
      expectTypeOf(value.retryAfterMs).toEqualTypeOf<number | undefined>();
    if (PlexAPIError.isInstance(value)) expectTypeOf(value.statusCode).toBeNumber();
    if (PlexError.isInstance(value)) expectTypeOf(value.isRetryable).toBeBoolean();
  });

  it("helpers", () => {
    expectTypeOf(parseInput(z.object({ a: z.string() }), {}, "input")).toEqualTypeOf<{ a: string }>();
    expectTypeOf(redactUrl).returns.toBeString();
    expectTypeOf(redactHeaders).returns.toEqualTypeOf<Record<string, string>>();
    expectTypeOf(redact).returns.toBeUnknown();
  });
});
