import { createPin, PlexAbortError, type PlexClient, waitForPinToken } from "@plex/auth";
import { type PlexSignIn, resumePlexSignIn, signInWithPlex } from "@plex/auth/browser";
import { describeError } from "../describe-error.js";
import { createApi } from "../run-operation.js";
import type { Mode, Target } from "../settings.js";
import { h, uniqueId } from "./dom.js";

/** Where the playground serves the demo's app.plex.tv stand-in (see server/demo-auth-page.ts). */
export const DEMO_AUTH_PATH = "/auth";
/** The redirect flow's mode, so the page plex.tv sends back to resumes against the same Plex. */
const RESUME_MODE_KEY = "plex-playground.signInMode";

export interface SignInPanelContext {
  mode: Mode;
  target: () => Target;
  /** The token goes to Settings, and from there to every other panel. */
  onToken: (token: string) => void;
}

function clientFor(mode: Mode, target: Target): PlexClient {
  // No token: a PIN is how we get one, and createPin/getPin never send it anyway. No server either: the PIN
  // flow talks only to plex.tv, so a server URL the SDK refuses must not stop the way to a token.
  return createApi(mode, { ...target, token: undefined, serverURL: undefined }, () => {}).client;
}

function failure(error: unknown): string {
  const { className, message } = describeError(error);
  return `Sign-in failed (${className}): ${message}`;
}

function formatLeft(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

// At most one sign-in at a time: a re-render (mode switch) cancels the one in progress.
let cancelCurrent: (() => void) | undefined;
// The outcome outlives the panel: a successful sign-in re-renders every panel (the token changed).
let lastMessage = "";

/**
 * The recommended way in: "Sign in with Plex" (a popup on app.plex.tv, or the demo's auth page), with a
 * countdown to the PIN's expiry and a Cancel button, plus the TV style (a 4-character code for plex.tv/link).
 */
export function signInWithPlexPanel(context: SignInPanelContext): HTMLElement {
  cancelCurrent?.();
  const headingId = uniqueId("sign-in-with-plex-title");
  const status = h("p", { class: "muted", role: "status", "aria-live": "polite" }, lastMessage);
  const say = (message: string) => {
    lastMessage = message;
    status.textContent = message;
  };
  const countdown = h("p", { class: "countdown muted", "aria-live": "off" });
  const tvCode = h("p", { class: "tv-code", hidden: true });
  const signInButton = h("button", { type: "button", class: "primary" }, "Sign in with Plex");
  const tvButton = h("button", { type: "button", class: "chip" }, "Show a plex.tv/link code (TV style)");
  const cancelButton = h("button", { type: "button", class: "chip", hidden: true }, "Cancel");
  let timer: ReturnType<typeof setInterval> | undefined;

  const stopCountdown = () => {
    clearInterval(timer);
    timer = undefined;
    countdown.textContent = "";
  };
  const startCountdown = (expiresAt: string | undefined) => {
    stopCountdown();
    const end = expiresAt === undefined ? Number.NaN : Date.parse(expiresAt);
    if (Number.isNaN(end)) return;
    const tick = () => (countdown.textContent = `The code expires in ${formatLeft(end - Date.now())}`);
    tick();
    timer = setInterval(tick, 1000);
  };
  const busy = (on: boolean) => {
    signInButton.disabled = on;
    tvButton.disabled = on;
    cancelButton.hidden = !on;
  };
  const finish = async (wait: Promise<string | undefined>, cancel: () => void) => {
    cancelCurrent = cancel;
    busy(true);
    try {
      const token = await wait;
      if (token === undefined) return;
      say("Signed in with Plex: the token is in Settings and every panel now uses it.");
      context.onToken(token);
    } catch (error) {
      say(error instanceof PlexAbortError ? "Sign-in cancelled." : failure(error));
    } finally {
      if (cancelCurrent === cancel) cancelCurrent = undefined;
      stopCountdown();
      busy(false);
      tvCode.hidden = true;
    }
  };

  signInButton.addEventListener("click", () => {
    const target = context.target();
    const demo = context.mode === "demo";
    say(demo ? "Approve in the demo's auth page (popup)…" : "Approve on app.plex.tv (popup)…");
    sessionStorage.setItem(RESUME_MODE_KEY, context.mode);
    let client: PlexClient;
    try {
      client = clientFor(context.mode, target);
    } catch (error) {
      say(failure(error));
      return;
    }
    // Called straight from the click: signInWithPlex opens the popup before it awaits anything.
    const signIn: PlexSignIn = signInWithPlex(client, {
      ...(demo ? { authAppURL: new URL(DEMO_AUTH_PATH, location.href).href } : {}),
      onCode: ({ expiresAt, flow }) => {
        startCountdown(expiresAt);
        if (flow === "redirect") status.textContent = "The popup was blocked: continuing in this tab…";
      },
    });
    void finish(signIn, () => signIn.cancel());
  });

  tvButton.addEventListener("click", () => {
    const controller = new AbortController();
    let client: PlexClient;
    try {
      client = clientFor(context.mode, context.target());
    } catch (error) {
      say(failure(error));
      return;
    }
    status.textContent = "Creating a code…";
    const wait = (async () => {
      const { data: pin } = await createPin(client, {}, { signal: controller.signal });
      tvCode.hidden = false;
      tvCode.replaceChildren(
        "On a TV or phone, go to ",
        context.mode === "demo"
          ? h(
              "a",
              { href: `${DEMO_AUTH_PATH}#?code=${encodeURIComponent(pin.code)}`, target: "_blank" },
              "the demo's plex.tv/link",
            )
          : h("a", { href: "https://plex.tv/link", target: "_blank", rel: "noopener" }, "plex.tv/link"),
        " and enter ",
        h("strong", { class: "code" }, pin.code),
      );
      status.textContent = "Waiting for the code to be entered…";
      startCountdown(pin.expiresAt);
      return waitForPinToken(client, pin, { signal: controller.signal });
    })();
    void finish(wait, () => controller.abort());
  });

  cancelButton.addEventListener("click", () => cancelCurrent?.());

  return h(
    "section",
    { class: "panel recommended", "aria-labelledby": headingId, "data-operation": "sign-in-with-plex" },
    h("h2", { id: headingId }, "Sign in with Plex ", h("span", { class: "badge ok" }, "recommended")),
    h(
      "p",
      { class: "muted" },
      "Approve this app on Plex's own page: no password here, works for Google, Apple and Facebook accounts.",
    ),
    h("code", { class: "call" }, "signInWithPlex(client, { onCode, signal })"),
    h("div", { class: "actions" }, signInButton, tvButton, cancelButton),
    tvCode,
    countdown,
    status,
  );
}

/**
 * On load: finish a sign-in that left through a redirect (popup blocked). Needs the Plex it started against:
 * the demo (after its worker is up) or live.
 */
export async function resumeSignInWithPlex(
  mode: Mode,
  target: (mode: Mode) => Target,
  onToken: (token: string) => void,
  report: (message: string) => void,
): Promise<void> {
  const startedIn = sessionStorage.getItem(RESUME_MODE_KEY);
  if (startedIn !== null && startedIn !== mode) return;
  try {
    const token = await resumePlexSignIn(clientFor(mode, target(mode)));
    if (token === undefined) return;
    sessionStorage.removeItem(RESUME_MODE_KEY);
    lastMessage =
      "Signed in with Plex (after the redirect): the token is in Settings and every panel now uses it.";
    onToken(token);
    report(lastMessage);
  } catch (error) {
    report(failure(error));
  }
}
