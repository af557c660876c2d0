import { UserPlexAccountSchema } from "@plex/models";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPlexClient, PlexUnauthorizedError } from "../src/index";

// The README example, line for line, against a made-up plex.tv.
const savedInstallId = "readme-install-2b7e";
const GOOD = "readme-good-token-51f0";

const server = setupServer(
  http.get("https://plex.tv/api/v2/user", ({ request }) =>
    request.headers.get("x-plex-token") === GOOD &&
    request.headers.get("x-plex-client-identifier") === savedInstallId &&
    request.headers.get("accept") === "application/json"
      ? HttpResponse.json({ id: 9001, username: "readme-reader", authToken: GOOD })
      : HttpResponse.xml("<errors><error>Invalid token</error></errors>", { status: 422 }),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function readmeExample(token: string) {
  const client = createPlexClient({
    clientIdentifier: savedInstallId,
    product: "My App",
    accessToken: token,
  });
  try {
    const { data } = await client.request({
      method: "GET",
      server: "plextv",
      path: "/user",
      auth: true,
      idempotent: true,
      responseSchema: UserPlexAccountSchema,
      operation: "getTokenDetails",
    });
    console.log(`Signed in as ${data.username}`);
  } catch (error) {
    if (error instanceof PlexUnauthorizedError) console.log("The token was revoked: sign in again");
    else throw error;
  }
}

describe("README example", () => {
  it("prints the account name for a good token", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await readmeExample(GOOD);
    expect(log).toHaveBeenCalledWith("Signed in as readme-reader");
    log.mockRestore();
  });

  it("explains a revoked token (422 Invalid token)", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await readmeExample("readme-revoked-token");
    expect(log).toHaveBeenCalledWith("The token was revoked: sign in again");
    log.mockRestore();
  });
});
