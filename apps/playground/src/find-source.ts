import { proxiedFetch } from "./proxied-fetch.js";

/**
 * Live mode: `server://<machineIdentifier>` for the server the user entered, read from its `/identity`
 * (open on every Plex server). Saves the user from looking the identifier up by hand.
 */
export async function findSource(
  serverURL: string,
  fetch: typeof globalThis.fetch = proxiedFetch({ server: serverURL }),
): Promise<string> {
  const response = await fetch(new URL("/identity", serverURL).href, {
    headers: { Accept: "application/json" },
  });
  if (!response.ok) throw new Error(`${new URL(serverURL).host}/identity answered HTTP ${response.status}`);
  const body = (await response.json()) as { MediaContainer?: { machineIdentifier?: unknown } };
  const id = body.MediaContainer?.machineIdentifier;
  if (typeof id !== "string" || id === "") throw new Error("the server's /identity has no machineIdentifier");
  return `server://${id}`;
}
