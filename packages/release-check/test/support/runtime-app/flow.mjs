// The root README example as one function, so Bun, Deno and a workerd worker run the very same code against the
// installed tarballs. Plain JavaScript on purpose: no runtime here should need a TypeScript step to load it.
import { createPlexClient, PlexAPI, PlexUnauthorizedError } from "@plex/auth";
import { UserPlexAccountSchema } from "@plex/models";

/** @param {{ plexTvURL: string; serverURL: string; login: string; password: string; revokedToken: string }} input */
export async function runFlow(input) {
  const plex = new PlexAPI({
    clientIdentifier: "release-check-0001",
    product: "release-check",
    plexTvURL: input.plexTvURL,
    serverURL: input.serverURL,
  });
  const signIn = await plex.authentication.postUsersSignInData({
    requestBody: { login: input.login, password: input.password },
  });
  const me = plex.withAccessToken(signIn.data.authToken);
  const details = await me.authentication.getTokenDetails();
  const transient = await me.authentication.getTransientToken({ type: "delegation", scope: "all" });
  const parsed = UserPlexAccountSchema.safeParse(details.data);
  // The demo answers a revoked token with XML, so this also loads core's lazily imported XML decoder.
  let typedError = "none";
  let plexErrorMessages = [];
  try {
    await plex.withAccessToken(input.revokedToken).authentication.getTokenDetails();
  } catch (error) {
    typedError = error instanceof PlexUnauthorizedError ? error.name : String(error);
    plexErrorMessages = (error.plexErrors ?? []).map((detail) => detail.message);
  }
  return {
    // Proves which runtime ran the flow: "Bun/…", "Deno/…", "Cloudflare-Workers" (Node 20 has no navigator).
    userAgent: globalThis.navigator?.userAgent ?? "unknown",
    signInStatus: signIn.statusCode,
    username: details.data.username,
    transientTokenLength: transient.data.MediaContainer.token.length,
    reparsed: parsed.success,
    client: typeof createPlexClient,
    typedError,
    plexErrorMessages,
  };
}
