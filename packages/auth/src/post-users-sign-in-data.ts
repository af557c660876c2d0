import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import { parseInput } from "@plex/core";
import {
  type PostUsersSignInDataRequestBody,
  PostUsersSignInDataRequestBodySchema,
  type UserPlexAccount,
  UserPlexAccountSchema,
} from "@plex/models";
import * as z from "zod/mini";

export interface PostUsersSignInDataRequest {
  /** Sent as `X-Plex-Client-Identifier` for this call instead of the client's `clientIdentifier`. */
  xPlexClientIdentifier?: string;
  /** Login credentials: `login` (email or username), `password`, optional `verificationCode` and `rememberMe`. */
  requestBody: PostUsersSignInDataRequestBody;
}

// A header value with a line break would be refused by fetch with an opaque TypeError; say what is wrong instead.
const PostUsersSignInDataRequestSchema = z.object({
  xPlexClientIdentifier: z.optional(z.string().check(z.minLength(1), z.regex(/^[^\r\n]*$/))),
  requestBody: PostUsersSignInDataRequestBodySchema,
});

/**
 * Signs a plex.tv account in with its login and password (POST https://plex.tv/api/v2/users/signin) and returns
 * the account with its `authToken` (status 201).
 *
 * Plex answers 401 code 1029 (PlexTwoFactorRequiredError) when the account needs a verification code,
 * 1001 (PlexUnauthorizedError) for a wrong login or password, 1031 (PlexUnauthorizedError) when it has locked
 * sign-ins from this address, and 429 / code 1003 (PlexRateLimitError) when called too often.
 *
 * @example
 * const { data: account } = await postUsersSignInData(client, {
 *   requestBody: { login: "someone@example.com", password },
 * });
 * const signedIn = client.withOptions({ accessToken: account.authToken });
 */
export async function postUsersSignInData(
  client: PlexClient,
  request: PostUsersSignInDataRequest,
  options?: RequestOptions,
): Promise<PlexResponse<UserPlexAccount>> {
  const input = parseInput(PostUsersSignInDataRequestSchema, request, "postUsersSignInData request");
  const { login, password, rememberMe, verificationCode } = input.requestBody;
  return client.request(
    {
      method: "POST",
      server: "plextv",
      path: "/users/signin",
      // Form encoding is what plex.tv expects here; core percent-encodes every value, so `&`, `=`, `+`, `%`,
      // spaces and emoji in a password arrive as typed.
      body: { form: { login, password, rememberMe, verificationCode } },
      // The credentials are the password: a token already configured on the client must not travel with them.
      auth: false,
      // A second attempt after an answer counts as another failed sign-in and brings the 1031 lockout closer.
      idempotent: false,
      headers:
        input.xPlexClientIdentifier === undefined
          ? undefined
          : { "X-Plex-Client-Identifier": input.xPlexClientIdentifier },
      responseSchema: UserPlexAccountSchema,
      operation: "postUsersSignInData",
    },
    options,
  );
}
