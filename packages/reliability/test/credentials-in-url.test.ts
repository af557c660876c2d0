import { createPlexClient, PlexInvalidRequestError } from "@plex/auth";
import { DEMO_CLIENT_IDENTIFIER, DEMO_TOKENS } from "@plex/demo-plex";
import { describe, expect, test } from "vitest";
import { countingFetch, exposures, type FetchCount, OPERATIONS, SUITE_PRODUCT } from "../src/index";
import { settle } from "./support";

const PASSWORD = "url-password-5e1b";

describe("a base URL with credentials", () => {
  for (const row of OPERATIONS) {
    test(`${row.name}: a base URL with user:password@ is refused before sending, and the password is in no error`, async () => {
      const count: FetchCount = { attempts: 0, plainHttp: 0 };
      const base = `http://admin:${PASSWORD}@127.0.0.1:9`;
      const { error } = await settle(
        (async () => {
          const client = createPlexClient({
            clientIdentifier: DEMO_CLIENT_IDENTIFIER,
            accessToken: DEMO_TOKENS.account,
            serverURL: base,
            plexTvURL: `${base}/api/v2`,
            product: SUITE_PRODUCT,
            retry: false,
            fetch: countingFetch(count, false),
          });
          return row.call(client);
        })(),
      );
      expect(PlexInvalidRequestError.isInstance(error), String(error)).toBe(true);
      expect(count.attempts).toBe(0);
      expect(exposures(error, [PASSWORD])).toEqual([]);
    });
  }
});
