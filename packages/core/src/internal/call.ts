import type { AccessToken, PlexClientOptions, RequestSpec } from "../types";
import type { Redactor } from "./redactor";
import type { ResolvedRetry } from "./validate-options";

/** What a client computed once at construction. */
export interface ClientState {
  readonly settings: Readonly<PlexClientOptions>;
  readonly identityHeaders: Readonly<Record<string, string>>;
  readonly retry: ResolvedRetry | false;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

/**
 * The call shape a custom `fetch` always receives (documented in the README): the URL as a string
 * and this init, headers as a plain object, the body as a string.
 */
export interface SendInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  redirect: "manual";
}

/** Everything one `client.request` call needs, checked and computed once before anything is sent. */
export interface Call<T> {
  readonly state: ClientState;
  readonly spec: RequestSpec<T>;
  readonly operation: string;
  readonly href: string;
  readonly host: string;
  /** Headers of every attempt (each gets a copy), without the token. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly timeoutMs: number;
  readonly retry: ResolvedRetry | false;
  readonly signal: AbortSignal | undefined;
  readonly maxResponseBytes: number;
  readonly redactor: Redactor;
  /** The token to send, only when the operation needs one. */
  readonly token: AccessToken | undefined;
  /** The last token sent, and the one Plex refused with 498 (set once per call). */
  lastToken?: string;
  expiredToken?: string;
}
