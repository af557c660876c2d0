import type { PlexClient, RequestOptions } from "@plex/core";
import { PlexAbortError, PlexInvalidRequestError } from "@plex/core";
import type { Pin } from "@plex/models";
import { buildAuthAppURL } from "../../build-auth-app-url.js";
import { createPin } from "../../create-pin.js";
import { getPin } from "../../get-pin.js";
import { waitForPinToken } from "../../wait-for-pin-token.js";
import { PENDING_SIGN_IN_KEY, readPendingSignIn, writePendingSignIn } from "./pending-sign-in.js";

/** The few `window` members the kit uses: structural, so no DOM types are needed to call it. */
export interface SignInWindow {
  open(url?: string, target?: string, features?: string): SignInPopup | null;
  readonly location: { readonly href: string; assign(url: string): void };
  readonly sessionStorage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
}

/** The popup members the kit uses. `closed` is deliberately absent: COOP hides it on app.plex.tv. */
export interface SignInPopup {
  location: { href: string };
  close(): void;
}

/** What `onCode` receives once the PIN exists: show the code, or a link to `url` if the popup went unnoticed. */
export interface PlexSignInCode {
  /** The PIN's code (the long one, for the auth app). */
  readonly code: string;
  /** The app.plex.tv address the popup (or the tab) is sent to. */
  readonly url: string;
  /** When the PIN expires (ISO 8601), for a countdown. */
  readonly expiresAt: string | undefined;
  /** How the user approves: in the popup, or in this tab after a redirect. */
  readonly flow: "popup" | "redirect";
  readonly pin: Pin;
}

export interface SignInWithPlexOptions {
  /** Where plex.tv sends the tab back in the redirect flow (http(s)). Default: the current page. */
  forwardUrl?: string;
  /** `false` goes straight to the redirect flow (phones, embedded browsers). Default: try a popup. */
  popup?: boolean;
  /** Ends the sign-in: PlexAbortError, the popup closed. */
  signal?: AbortSignal;
  /** Called once the PIN exists (before the user approves). */
  onCode?: (info: PlexSignInCode) => void;
  /** Replaces https://app.plex.tv/auth (a demo). */
  authAppURL?: string;
  /** Poll pause; default 1 000 ms. */
  intervalMs?: number;
  /** Give up before the PIN expires. */
  timeoutMs?: number;
  /** Per-request options for createPin and the polls. */
  requestOptions?: RequestOptions;
  /** The window to use; default `globalThis.window`. For tests and iframes. */
  window?: SignInWindow;
}

/** A sign-in in progress: a promise of the token that can also be cancelled (PlexAbortError). */
export type PlexSignIn = Promise<string> & { cancel(): void };

const POPUP_FEATURES = "popup,width=600,height=720";

function browserWindow(given: SignInWindow | undefined, what: string): SignInWindow {
  const found = given ?? (globalThis as { window?: SignInWindow }).window;
  if (found === undefined) {
    throw new PlexInvalidRequestError(
      `${what} runs in a browser: there is no window here (pass options.window)`,
    );
  }
  return found;
}

function identityOf(client: PlexClient) {
  const { clientIdentifier, product, version, platform, platformVersion, device, deviceName, model } =
    client.options;
  return { clientIdentifier, product, version, platform, platformVersion, device, deviceName, model };
}

/** One AbortController for the whole sign-in, following the caller's signal; `release` drops the listener. */
function linkedController(signal: AbortSignal | undefined) {
  const controller = new AbortController();
  const follow = () => controller.abort();
  if (signal?.aborted) controller.abort();
  else signal?.addEventListener("abort", follow, { once: true });
  return { controller, release: () => signal?.removeEventListener("abort", follow) };
}

const aborted = () => new PlexAbortError("Sign in with Plex was cancelled");

/**
 * "Sign in with Plex" in one call, from a click handler. Opens a blank popup at once (before any await, so popup
 * blockers allow it), creates a strong PIN, points the popup at app.plex.tv, polls until the user approves,
 * closes the popup and resolves with the token. It never reads `popup.closed` (COOP hides it): the wait ends on
 * the token, the PIN's expiry (PlexTimeoutError), `signal` or `cancel()` (PlexAbortError).
 *
 * When the popup is blocked, or with `popup: false`, it keeps `{ pinId, code, clientIdentifier }` in
 * sessionStorage and sends this tab to app.plex.tv with `forwardUrl` back; call `resumePlexSignIn(client)` on that
 * page. The promise then stays pending while the tab leaves.
 *
 * @example
 * button.onclick = async () => {
 *   const token = await signInWithPlex(client, { onCode: ({ code }) => show(code) });
 * };
 */
export function signInWithPlex(client: PlexClient, options: SignInWithPlexOptions = {}): PlexSignIn {
  const win = browserWindow(options.window, "signInWithPlex");
  // Synchronous, first thing: any await before window.open turns the click into a blocked popup.
  const popup = options.popup === false ? null : win.open("about:blank", "plex-sign-in", POPUP_FEATURES);
  const { controller, release } = linkedController(options.signal);
  const closePopup = () => {
    try {
      popup?.close();
    } catch {
      // a popup on another origin may refuse; nothing else to do
    }
  };

  const run = async (): Promise<string> => {
    const signal = controller.signal;
    if (signal.aborted) throw aborted();
    const requestOptions = { ...options.requestOptions, signal };
    const { data: pin } = await createPin(client, { strong: true }, requestOptions);
    if (signal.aborted) throw aborted();
    const flow = popup === null ? "redirect" : "popup";
    const url = buildAuthAppURL({
      ...identityOf(client),
      code: pin.code,
      ...(flow === "redirect" ? { forwardUrl: options.forwardUrl ?? win.location.href } : {}),
      ...(options.authAppURL === undefined ? {} : { authAppURL: options.authAppURL }),
    });
    options.onCode?.({ code: pin.code, url, expiresAt: pin.expiresAt, flow, pin });
    if (popup === null) {
      writePendingSignIn(win.sessionStorage, {
        pinId: pin.id,
        code: pin.code,
        clientIdentifier: client.options.clientIdentifier,
      });
      win.location.assign(url);
      // The tab is leaving; resumePlexSignIn finishes on the way back. Only cancel() or the signal end this.
      return new Promise<string>((_resolve, reject) => {
        if (signal.aborted) reject(aborted());
        signal.addEventListener("abort", () => reject(aborted()), { once: true });
      });
    }
    popup.location.href = url;
    return waitForPinToken(
      client,
      pin,
      {
        signal,
        ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      },
      options.requestOptions,
    );
  };

  const promise = run()
    .catch((error: unknown) => {
      throw error instanceof PlexAbortError || !controller.signal.aborted ? error : aborted();
    })
    .finally(() => {
      closePopup();
      release();
    });
  return Object.assign(promise, { cancel: () => controller.abort() });
}

export interface ResumePlexSignInOptions {
  signal?: AbortSignal;
  intervalMs?: number;
  timeoutMs?: number;
  requestOptions?: RequestOptions;
  window?: Pick<SignInWindow, "sessionStorage">;
}

/**
 * Finishes a redirect-flow sign-in on the page plex.tv sent the user back to: reads the pending PIN from
 * sessionStorage (only there, never from the URL), waits for its token with the identifier that created it, and
 * clears the storage once the wait is over (kept if aborted, so a later call can resume). Resolves `undefined`
 * when no sign-in is pending; a denied or expired PIN ends in PlexTimeoutError or PlexPinExpiredError.
 *
 * @example
 * const token = await resumePlexSignIn(client);
 * if (token) signedIn(token);
 */
export async function resumePlexSignIn(
  client: PlexClient,
  options: ResumePlexSignInOptions = {},
): Promise<string | undefined> {
  const storage = (options.window ?? browserWindow(undefined, "resumePlexSignIn")).sessionStorage;
  const pending = readPendingSignIn(storage);
  if (pending === undefined) {
    storage.removeItem(PENDING_SIGN_IN_KEY);
    return undefined;
  }
  // The PIN answers only the identifier that created it.
  const owner =
    pending.clientIdentifier === client.options.clientIdentifier
      ? client
      : client.withOptions({ clientIdentifier: pending.clientIdentifier });
  const requestOptions = { ...options.requestOptions, ...(options.signal ? { signal: options.signal } : {}) };
  try {
    const { data: pin } = await getPin(owner, { id: pending.pinId }, requestOptions);
    const token = await waitForPinToken(
      owner,
      pin,
      {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      },
      options.requestOptions,
    );
    storage.removeItem(PENDING_SIGN_IN_KEY);
    return token;
  } catch (error) {
    if (!(error instanceof PlexAbortError)) storage.removeItem(PENDING_SIGN_IN_KEY);
    throw error;
  }
}
