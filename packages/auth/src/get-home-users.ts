import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import { type HomeUsers, HomeUsersSchema } from "@plex/models";

/**
 * Lists the members of the token owner's Plex Home (GET https://plex.tv/api/v2/home/users): the admin, family
 * members and managed users, each with `uuid` (for {@link switchHomeUser}), `admin`, `restricted` (managed),
 * `protected` (a Home PIN is needed to switch) and `thumb`.
 *
 * Errors: `PlexUnauthorizedError` for a missing, revoked or expired token; `PlexAPIError` otherwise.
 *
 * @example
 * const { data } = await getHomeUsers(client);
 * const kid = data.users.find((user) => user.restricted);
 */
export async function getHomeUsers(
  client: PlexClient,
  options?: RequestOptions,
): Promise<PlexResponse<HomeUsers>> {
  return client.request(
    {
      method: "GET",
      server: "plextv",
      path: "/home/users",
      auth: true,
      idempotent: true,
      responseSchema: HomeUsersSchema,
      operation: "getHomeUsers",
    },
    options,
  );
}
