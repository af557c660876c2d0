import type { PlexClient, RequestOptions } from "@plex/core";
import { PlexUnauthorizedError } from "@plex/core";
import { type UserPlexAccount, UserPlexAccountSchema } from "@plex/models";

export interface ValidateTokenRequest {
  /** The token to check; default the client's own `accessToken`. */
  token?: string;
}

/** Why plex.tv refused the token: its HTTP status, Plex error code (when sent) and message. */
export interface InvalidTokenReason {
  readonly statusCode: number;
  readonly code: number | undefined;
  readonly message: string;
}

export type ValidateTokenResult =
  | { readonly valid: true; readonly account: UserPlexAccount }
  | { readonly valid: false; readonly reason: InvalidTokenReason };

// 401 (unknown token, code 1001), 422 "Invalid token" (revoked) and 498 (expired JWT) are plex.tv's verdicts on the
// token itself. Everything else says nothing about it and is thrown.
const VERDICT_STATUS = new Set([401, 422, 498]);

/**
 * Asks plex.tv whether a token still works (`GET https://plex.tv/api/v2/user`): `{ valid: true, account }`, or
 * `{ valid: false, reason }` when plex.tv refuses it (401, or 422 "Invalid token" for a revoked token).
 * Anything that says nothing about the token throws its typed error instead (`PlexConnectionError`,
 * `PlexTimeoutError`, `PlexRateLimitError` for 429, `PlexAPIError` for 5xx), so a good token is never discarded
 * because plex.tv hiccupped. `PlexInvalidRequestError` when there is no token to check.
 *
 * @example
 * const check = await validateToken(client);
 * if (!check.valid) console.log(check.reason.message); // e.g. "Invalid token": sign in again
 */
export async function validateToken(
  client: PlexClient,
  request: ValidateTokenRequest = {},
  options?: RequestOptions,
): Promise<ValidateTokenResult> {
  const target = request.token === undefined ? client : client.withOptions({ accessToken: request.token });
  try {
    const response = await target.request(
      {
        method: "GET",
        server: "plextv",
        path: "/user",
        auth: true,
        idempotent: true,
        responseSchema: UserPlexAccountSchema,
        operation: "validateToken",
      },
      options,
    );
    return { valid: true, account: response.data };
  } catch (error) {
    if (PlexUnauthorizedError.isInstance(error) && VERDICT_STATUS.has(error.statusCode)) {
      return {
        valid: false,
        reason: { statusCode: error.statusCode, code: error.code, message: error.message },
      };
    }
    throw error;
  }
}
