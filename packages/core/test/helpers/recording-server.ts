import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

/**
 * An msw server for the current test file that fails on any unexpected request, plus the list that handlers push
 * a clone of each request into, so tests assert on what the server saw. Both are reset after every test.
 */
export function useRecordingServer() {
  const server = setupServer();
  const seen: Request[] = [];
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());
  return { server, seen };
}
