import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import { PlexInvalidRequestError, parseInput } from "@plex/core";
import {
  type SwitchHomeUserRequest,
  SwitchHomeUserRequestSchema,
  type UserPlexAccount,
  UserPlexAccountSchema,
} from "@plex/models";

/**
 * Switches to a member of the Plex Home and returns that member's account, whose `authToken` acts as them
 * (POST https://plex.tv/api/v2/home/users/{uuid}/switch). Sent with the Home admin's (or any member's) token.
 * `pin` is the member's 4-digit Home PIN, needed when the member is `protected`; it travels as the `pin` query
 * parameter (as Plex Web and python-plexapi send it) and is redacted like a password in errors and logs, as is
 * the hashed `pin` field of the answer.
 *
 * Errors: `PlexInvalidRequestError` for an empty `uuid` or `pin` (nothing sent); `PlexHomePinRequiredError`
 * (403, code 1041) for a missing or wrong PIN; `PlexUnauthorizedError` for a bad token.
 *
 * @example
 * const { data } = await switchHomeUser(client, { uuid: member.uuid, pin: "1234" });
 * const asMember = client.withOptions({ accessToken: data.authToken });
 */
export async function switchHomeUser(
  client: PlexClient,
  request: SwitchHomeUserRequest,
  options?: RequestOptions,
): Promise<PlexResponse<UserPlexAccount>> {
  const input = parseInput(SwitchHomeUserRequestSchema, request, "switchHomeUser request");
  // A uuid goes into the path: "." or ".." would be resolved by the URL parser and send the PIN elsewhere.
  if (!/^[A-Za-z0-9_-]+$/.test(input.uuid)) {
    throw new PlexInvalidRequestError(
      "Invalid switchHomeUser request: uuid must be a Plex Home user's uuid (letters, digits, - and _), as getHomeUsers lists it",
      { issues: [{ path: ["uuid"], message: "not a Plex Home user uuid" }] },
    );
  }
  return client.request(
    {
      method: "POST",
      server: "plextv",
      path: `/home/users/${encodeURIComponent(input.uuid)}/switch`,
      query: { pin: input.pin },
      auth: true,
      // Never repeated: every attempt with a PIN counts against the member's PIN, like a sign-in.
      idempotent: false,
      responseSchema: UserPlexAccountSchema,
      operation: "switchHomeUser",
    },
    options,
  );
}
