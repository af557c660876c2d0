import { createPlexClient, getTokenDetails, type PlexClientOptions } from "@plex/auth";

/**
 * Whether core enforces `maxResponseBytes` (core's rework, not yet on main when this was written). Found by trying
 * it rather than by looking for an export: a 40-byte answer with a 4-byte limit must end in
 * `PlexResponseTooLargeError`.
 */
export async function detectBodyLimit(): Promise<boolean> {
  const options = {
    clientIdentifier: "body-limit-probe",
    accessToken: "body-limit-probe-token",
    maxResponseBytes: 4,
    retry: false,
    fetch: (async () =>
      new Response('{"authToken":"a body longer than four bytes"}', {
        headers: { "content-type": "application/json" },
      })) as unknown as typeof fetch,
  } as PlexClientOptions;
  try {
    await getTokenDetails(createPlexClient(options));
    return false;
  } catch (error) {
    return (error as Error)?.name === "PlexResponseTooLargeError";
  }
}
