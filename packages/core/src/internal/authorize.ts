import { PlexError, PlexInvalidRequestError } from "../errors";
import type { Call, SendInit } from "./call";
import { checkHeaderValue } from "./validate-options";

/**
 * Puts the token in `X-Plex-Token`. A token function runs on every attempt (so a refreshed token is
 * used) and learns through `expiredToken` that Plex refused the previous one with 498; what it
 * returns is checked like the option itself and scrubbed from every error of the call.
 */
export async function authorize(call: Call<unknown>, init: SendInit, expiredToken?: string): Promise<void> {
  const token = call.token;
  if (token === undefined) return;
  let value: unknown = token;
  if (typeof token === "function") {
    const context =
      expiredToken === undefined ? { signal: call.signal } : { expiredToken, signal: call.signal };
    try {
      value = await token(context);
    } catch (error) {
      // A PlexError is already typed and redacted (e.g. PlexUnauthorizedError from a refused JWT refresh):
      // the caller branches on it, so it passes through. Anything else could say anything (even the old
      // token), so only say that it failed.
      if (error instanceof PlexError) throw error;
      throw new PlexInvalidRequestError("The accessToken function threw instead of returning a token");
    }
    if (typeof value !== "string" || value === "") {
      throw new PlexInvalidRequestError("accessToken function must return a non-empty string");
    }
    call.redactor.add(value);
    checkHeaderValue("accessToken", value);
  }
  call.lastToken = value as string;
  // A string token was checked when the client was created. Middleware cannot smuggle its own.
  delete init.headers["x-plex-token"];
  init.headers["X-Plex-Token"] = value as string;
}
