import { type DemoPlexServer, startDemoPlexServer } from "@plex/demo-plex/node";
import { afterAll, beforeAll } from "vitest";

/** One demo Plex (plex.tv and a media server on the same origin) for the file's tests, closed afterwards. */
export function useDemoServer(options: Parameters<typeof startDemoPlexServer>[0] = {}) {
  const holder: { server?: DemoPlexServer } = {};
  beforeAll(async () => {
    holder.server = await startDemoPlexServer({ host: "127.0.0.1", port: 0, ...options });
  });
  afterAll(async () => {
    await holder.server?.close();
  });
  return () => {
    if (!holder.server) throw new Error("demo server not started");
    return holder.server;
  };
}
