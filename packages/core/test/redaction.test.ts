import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  createPlexClient,
  PlexAbortError,
  PlexConnectionError,
  PlexError,
  PlexInvalidRequestError,
  PlexTimeoutError,
  PlexUnauthorizedError,
  PlexValidationError,
  type RequestSpec,
} from "../src/index";
import { logRequest } from "../src/internal/logging";
import { fetchStub } from "./helpers/failure";

// Every error a request can end in is searched for the secrets in each way a user could print it.
const TOKEN = "redaction-token-0c9f4e2a";
const PASSWORD = "redaction-password-77x";
const SECRETS = [TOKEN, PASSWORD];

function views(error: unknown): string[] {
  const e = error as Error;
  return [e.message, e.stack ?? "", JSON.stringify(e), inspect(e, { depth: 10 }), String(e)];
}

function expectClean(error: unknown) {
  expect(PlexError.isInstance(error)).toBe(true);
  for (const view of views(error)) for (const secret of SECRETS) expect(view).not.toContain(secret);
}

const spec: RequestSpec<unknown> = {
  method: "GET",
  server: "plextv",
  path: "/user",
  auth: true,
  idempotent: true,
  responseSchema: z.object({ id: z.number() }),
  operation: "getTokenDetails",
};
const signIn: RequestSpec<unknown> = {
  ...spec,
  method: "POST",
  path: "/users/signin",
  auth: false,
  idempotent: false,
  body: { form: { login: "r@example.org", password: PASSWORD } },
};

function clientAnswering(respond: (request: Request) => Response | Promise<Response>, logs: unknown[] = []) {
  return createPlexClient({
    clientIdentifier: "redaction-tests",
    accessToken: TOKEN,
    retry: false,
    timeoutMs: 100,
    logger: { debug: (message, details) => logs.push({ message, details }) },
    fetch: fetchStub(respond),
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );
}

const echo = (status: number, contentType: string, body: string) => () =>
  new Response(body, { status, headers: { "content-type": contentType } });

describe("no secret in any error's message, stack, JSON or inspect output", () => {
  it.each([
    [
      "JSON error echoing the token and password",
      echo(
        401,
        "application/json",
        JSON.stringify({ errors: [{ code: 1001, message: "bad" }], authToken: TOKEN, password: PASSWORD }),
      ),
    ],
    [
      "XML error with token attributes",
      echo(
        401,
        "text/xml",
        `<errors><error code="1001" message="bad" status="401" authToken="${TOKEN}"/></errors>`,
      ),
    ],
    [
      "Plex message quoting the token",
      echo(401, "application/json", JSON.stringify({ errors: [{ message: `token ${TOKEN} revoked` }] })),
    ],
    ["HTML page with the token in it", echo(500, "text/html", `<html>${TOKEN}</html>`)],
    ["422 Invalid token", echo(422, "text/xml", "<errors><error>Invalid token</error></errors>")],
  ])("%s", async (_name, respond) => {
    const error = await failure(clientAnswering(respond).request(spec));
    expect(error).toBeInstanceOf(PlexUnauthorizedError.isInstance(error) ? PlexUnauthorizedError : PlexError);
    expectClean(error);
  });

  it("validation errors (schema mismatch) keep only a redacted raw value", async () => {
    const respond = echo(
      200,
      "application/json",
      JSON.stringify({ id: "not-a-number", authToken: TOKEN, password: PASSWORD }),
    );
    const error = await failure(clientAnswering(respond).request(spec));
    expect(error).toBeInstanceOf(PlexValidationError);
    expectClean(error);
  });

  it("validation errors for undecodable bodies", async () => {
    const error = await failure(clientAnswering(echo(200, "text/html", `<p>${TOKEN}</p>`)).request(spec));
    expect(error).toBeInstanceOf(PlexValidationError);
    expectClean(error);
    const broken = await failure(
      clientAnswering(echo(200, "application/json", `{"authToken":"${TOKEN}"`)).request(spec),
    );
    expectClean(broken);
  });

  it("connection errors whose cause mentions the token or the URL", async () => {
    const error = await failure(
      clientAnswering(() => {
        throw new TypeError("fetch failed", {
          cause: new Error(`connect ECONNREFUSED ?X-Plex-Token=${TOKEN}`),
        });
      }).request(spec),
    );
    expect(error).toBeInstanceOf(PlexConnectionError);
    expectClean(error);
  });

  it("timeouts and aborts", async () => {
    const stall = () => new Promise<Response>(() => {});
    expectClean(await failure(clientAnswering(stall).request(spec, { timeoutMs: 20 })));
    const timeout = await failure(clientAnswering(stall).request(spec, { timeoutMs: 20 }));
    expect(timeout).toBeInstanceOf(PlexTimeoutError);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error(TOKEN)), 10);
    const aborted = await failure(clientAnswering(stall).request(spec, { signal: controller.signal }));
    expect(aborted).toBeInstanceOf(PlexAbortError);
    expectClean(aborted);
  });

  it("a token function returning a malformed token", async () => {
    const client = createPlexClient({
      clientIdentifier: "r",
      accessToken: () => `${TOKEN}\r\n`,
      retry: false,
      fetch: async () => Response.json({}),
    });
    const error = await failure(client.request(spec));
    expect(error).toBeInstanceOf(PlexInvalidRequestError);
    expectClean(error);
  });

  it("failed sign-in never shows the password, even echoed as raw text", async () => {
    const json = echo(
      401,
      "application/json",
      `{"errors":[{"code":1001,"message":"no"}],"password":"${PASSWORD}"}`,
    );
    expectClean(await failure(clientAnswering(json).request(signIn)));
    const html = echo(500, "text/html", `<pre>login=r&pw=${PASSWORD}</pre>`);
    expectClean(await failure(clientAnswering(html).request(signIn)));
    const quoted = echo(
      401,
      "application/json",
      JSON.stringify({ errors: [{ message: `wrong: ${PASSWORD}` }] }),
    );
    expectClean(await failure(clientAnswering(quoted).request(signIn)));
  });
});

describe("logger output", () => {
  it("redacts the token header and token query parameters it is given", async () => {
    const logs: unknown[] = [];
    const done = logRequest({ debug: (message, details) => logs.push({ message, details }) }, "op", {
      method: "GET",
      url: `https://plex.tv/api/v2/user?X-Plex-Token=${TOKEN}`,
      headers: { "X-Plex-Token": TOKEN },
    });
    done(Response.json({}));
    const text = JSON.stringify(logs);
    expect(text).toContain("[REDACTED]");
    expect(text).not.toContain(TOKEN);
  });

  it("a whole client run (success, sign-in failure) logs no secret", async () => {
    const logs: unknown[] = [];
    const client = clientAnswering(
      (request) =>
        request.method === "POST"
          ? new Response(`{"errors":[{"message":"bad ${PASSWORD}"}]}`, { status: 401 })
          : Response.json({ id: 1, authToken: TOKEN }),
      logs,
    );
    await client.request(spec);
    await client.request(signIn).catch(() => {});
    expect(logs.length).toBe(4);
    const text = JSON.stringify(logs);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});
