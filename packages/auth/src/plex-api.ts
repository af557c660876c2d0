import type { PlexClient, PlexClientOptions } from "@plex/core";
import { createPlexClient } from "@plex/core";
import { Authentication } from "./authentication.js";

function isPlexClient(value: PlexClientOptions | PlexClient): value is PlexClient {
  return typeof (value as Partial<PlexClient>).request === "function";
}

/**
 * Convenience entry point: one client and the operations grouped as Plex's docs group them.
 * Takes the same options as `createPlexClient` (or an existing client, to share its fetch and middleware).
 */
export class PlexAPI {
  readonly client: PlexClient;
  readonly authentication: Authentication;

  constructor(options: PlexClientOptions | PlexClient) {
    this.client = isPlexClient(options) ? options : createPlexClient(options);
    this.authentication = new Authentication(this.client);
  }

  /**
   * A new PlexAPI that sends `accessToken` (e.g. the `authToken` returned by sign-in); every other option,
   * middleware included, is kept. This instance is not changed. Throws PlexInvalidRequestError for an empty
   * token (nothing is sent).
   *
   * @example
   * const { data: account } = await plex.authentication.postUsersSignInData({ requestBody: { login, password } });
   * const signedIn = plex.withAccessToken(account.authToken);
   */
  withAccessToken(accessToken: NonNullable<PlexClientOptions["accessToken"]>): PlexAPI {
    return new PlexAPI(this.client.withOptions({ accessToken }));
  }
}
