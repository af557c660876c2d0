// The browser kit: "Sign in with Plex" with a popup or a redirect. Nothing here touches window, sessionStorage
// or localStorage until a function is called, so importing it during server-side rendering is safe.

export {
  CLIENT_IDENTIFIER_KEY,
  createClientIdentifier,
  type KeyValueStorage,
} from "./internal/browser/client-identifier.js";
export { PENDING_SIGN_IN_KEY, type PendingSignIn } from "./internal/browser/pending-sign-in.js";
export {
  type PlexSignIn,
  type PlexSignInCode,
  type ResumePlexSignInOptions,
  resumePlexSignIn,
  type SignInPopup,
  type SignInWindow,
  type SignInWithPlexOptions,
  signInWithPlex,
} from "./internal/browser/sign-in-with-plex.js";
