import {
  type AccessTokenContext,
  PlexAbortError,
  type PlexClient,
  PlexInvalidRequestError,
} from "@plex/core";
import type { DeviceKey } from "./device-key.js";
import { assertDeviceKey } from "./internal/device-key-object.js";
import { type PlexJwt, refreshJwt } from "./refresh-jwt.js";

/** Where the provider keeps the current Plex JWT between runs. Either method may be async; both may throw. */
export interface JwtTokenStore {
  get(): PlexJwt | null | undefined | Promise<PlexJwt | null | undefined>;
  set(value: PlexJwt): void | Promise<void>;
}

/**
 * What core passes to an `accessToken` function: `expiredToken` is the token Plex just answered 498 (expired)
 * for (refresh unless that already happened), `signal` the call's abort signal.
 */
export type JwtTokenContext = AccessTokenContext;

export interface CreateJwtTokenProviderOptions {
  /** Sends the refresh calls (nonce, token exchange). Its own `accessToken` is not used for them. */
  client: PlexClient;
  /** A device key registered with `registerDeviceKey`. */
  key: DeviceKey;
  /** Default: memory only (a new Plex JWT per process start). */
  store?: JwtTokenStore;
  /** Refresh when the token expires within this many ms. Default 24 h (Plex JWTs last 7 days). */
  refreshWithinMs?: number;
  scope?: string;
  /** Called when the store throws; the provider carries on with the token in memory. */
  onStoreError?: (error: unknown, operation: "get" | "set") => void;
  /** Epoch ms. For tests. */
  now?: () => number;
}

/** An `accessToken` function for `createPlexClient`, plus a way to look at or force the current token. */
export interface JwtTokenProvider {
  (context?: JwtTokenContext): Promise<string>;
  /** Refreshes now (shares a refresh already running). */
  refresh(): Promise<PlexJwt>;
  /** The token in memory, if any, without refreshing. */
  current(): PlexJwt | undefined;
}

function isPlexJwt(value: unknown): value is PlexJwt {
  const record = value as PlexJwt | null | undefined;
  return (
    typeof record?.token === "string" && record.token !== "" && Number.isFinite(record.expiresAt as number)
  );
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted)
    return Promise.reject(new PlexAbortError("The call was aborted while waiting for a Plex JWT"));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new PlexAbortError("The call was aborted while waiting for a Plex JWT"));
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * A token that keeps itself fresh: pass it as `accessToken` to `createPlexClient` and a long-running app stays
 * signed in without a human. Each call returns the current Plex JWT; within `refreshWithinMs` of its expiry it
 * gets a new one with `refreshJwt` first. However many calls wait, one refresh runs (single flight). The token is
 * read from and written to `store` (memory by default); a store that throws is reported to `onStoreError` and
 * otherwise ignored. When Plex answers HTTP 498 (expired), core calls the function with `{ expiredToken }`: the
 * provider refreshes once (unless another call already did) and core retries the request once.
 * If an ahead-of-time refresh fails while the current token is still valid, that token is returned.
 *
 * Errors (from calls that must refresh): those of `refreshJwt`; `PlexAbortError` when the caller's signal fires.
 *
 * @example
 * const accessToken = createJwtTokenProvider({ client: plexTv, key });
 * const client = createPlexClient({ clientIdentifier, accessToken });
 */
export function createJwtTokenProvider(options: CreateJwtTokenProviderOptions): JwtTokenProvider {
  assertDeviceKey(options?.key, "createJwtTokenProvider");
  const { client, key, store, scope, onStoreError } = options;
  const refreshWithinMs = options.refreshWithinMs ?? 24 * 60 * 60 * 1000;
  if (!Number.isFinite(refreshWithinMs) || refreshWithinMs < 0) {
    throw new PlexInvalidRequestError("createJwtTokenProvider: refreshWithinMs must be a number ≥ 0");
  }
  const now = options.now ?? Date.now;
  let current: PlexJwt | undefined;
  let loading: Promise<void> | undefined;
  let refreshing: Promise<PlexJwt> | undefined;

  const report = (error: unknown, operation: "get" | "set") => {
    try {
      onStoreError?.(error, operation);
    } catch {
      // a failing reporter must not break token delivery either
    }
  };

  const load = (): Promise<void> => {
    loading ??= (async () => {
      if (!store) return;
      try {
        const stored = await store.get();
        if (isPlexJwt(stored) && !current) current = { token: stored.token, expiresAt: stored.expiresAt };
      } catch (error) {
        report(error, "get");
      }
    })();
    return loading;
  };

  const refresh = (): Promise<PlexJwt> => {
    refreshing ??= (async () => {
      try {
        const fresh = await refreshJwt(client, scope === undefined ? { key } : { key, scope });
        current = fresh;
        if (store) {
          try {
            await store.set({ token: fresh.token, expiresAt: fresh.expiresAt });
          } catch (error) {
            report(error, "set");
          }
        }
        return fresh;
      } finally {
        refreshing = undefined;
      }
    })();
    return refreshing;
  };

  const provide = async (context?: JwtTokenContext): Promise<string> => {
    await untilAborted(load(), context?.signal);
    const expired = context?.expiredToken;
    if (expired !== undefined && current?.token === expired) {
      // Plex said this one is expired whatever its exp claims (clock skew, revocation): replace it.
      current = undefined;
    }
    if (current && now() < current.expiresAt - refreshWithinMs) return current.token;
    const held = current;
    try {
      return (await untilAborted(refresh(), context?.signal)).token;
    } catch (error) {
      if (error instanceof PlexAbortError) throw error;
      // Refreshing ahead of time is best effort: a token that is still valid is better than an error.
      if (held && now() < held.expiresAt) return held.token;
      throw error;
    }
  };

  return Object.assign(provide, {
    refresh: async () => {
      await load();
      return refresh();
    },
    current: () => current,
  });
}
