import type { PlexClient, RequestOptions } from "@plex/core";
import { createPlexClient, PlexAbortError, type PlexClientOptions, PlexTimeoutError } from "@plex/core";
import { signInJson, sourceConnectionJson, transientTokenJson, userJson } from "@plex/demo-plex/fixtures";
import {
  json,
  TEST_PLEX_TV_URL as PLEX_TV_URL,
  TEST_PMS_URL as PMS_URL,
  rejection,
  TEST_CLIENT_OPTIONS,
  useRecordingServer,
} from "@plex/demo-plex/recording";
import { delay } from "msw";
import { describe, expect, it } from "vitest";
import { getSourceConnectionInformation } from "../src/get-source-connection-information.js";
import { getTokenDetails } from "../src/get-token-details.js";
import { getTransientToken } from "../src/get-transient-token.js";
import { postUsersSignInData } from "../src/post-users-sign-in-data.js";

const testClient = (overrides: Partial<PlexClientOptions> = {}) =>
  createPlexClient({ ...TEST_CLIENT_OPTIONS, ...overrides });

const mock = useRecordingServer();

interface Case {
  call: (client: PlexClient, options?: RequestOptions) => Promise<unknown>;
  /** Default base and path of the operation. */
  base: string;
  path: string;
  body: unknown;
  status: number;
}

// Per-call options are core's; these prove each operation hands them over untouched.
const cases: Record<string, Case> = {
  getTransientToken: {
    call: (client, options) => getTransientToken(client, { type: "delegation", scope: "all" }, options),
    base: PMS_URL,
    path: "/security/token",
    body: transientTokenJson,
    status: 200,
  },
  getSourceConnectionInformation: {
    call: (client, options) => getSourceConnectionInformation(client, { source: "server://abc" }, options),
    base: PMS_URL,
    path: "/security/resources",
    body: sourceConnectionJson,
    status: 200,
  },
  getTokenDetails: {
    call: (client, options) => getTokenDetails(client, {}, options),
    base: PLEX_TV_URL,
    path: "/user",
    body: userJson,
    status: 200,
  },
  postUsersSignInData: {
    call: (client, options) =>
      postUsersSignInData(client, { requestBody: { login: "l@example.org", password: "pw" } }, options),
    base: PLEX_TV_URL,
    path: "/users/signin",
    body: signInJson,
    status: 201,
  },
};

describe.each(Object.entries(cases))("%s per-call options", (_, { call, base, path, body, status }) => {
  it("serverURL replaces the base for this call only; headers are added", async () => {
    mock.answer(`http://override.test:8080/base${path}`, () => json(body, status));
    mock.answer(`${base}${path}`, () => json(body, status));
    const client = testClient();

    await call(client, { serverURL: "http://override.test:8080/base", headers: { "X-Request-Tag": "r-1" } });
    await call(client);

    expect(mock.seen.map((r) => r.url.origin + r.url.pathname)).toEqual([
      `http://override.test:8080/base${path}`,
      `${base}${path}`,
    ]);
    expect(mock.seen.map((r) => r.headers.get("x-request-tag"))).toEqual(["r-1", null]);
  });

  it("an aborted signal rejects with PlexAbortError without sending", async () => {
    const error = await rejection(call(testClient(), { signal: AbortSignal.abort() }));

    expect(error).toBeInstanceOf(PlexAbortError);
    expect(mock.seen).toHaveLength(0);
  });

  it("timeoutMs bounds the wait for an answer", async () => {
    mock.answer(`${base}${path}`, async () => {
      await delay("infinite");
      return json(body, status);
    });

    const error = await rejection(call(testClient(), { timeoutMs: 30 }));

    expect(error).toBeInstanceOf(PlexTimeoutError);
  });
});
