// Sign in with a PIN, the way Plex asks apps to, and print the account.
// Run: PLEX_CLIENT_ID=<a stable id of your own> npx tsx sign-in-with-pin.ts
import { PlexAPI } from "@plex/auth";

const plex = new PlexAPI({
  // Keep it the same on every run: Plex lists each new identifier as a new device of the user.
  clientIdentifier: process.env.PLEX_CLIENT_ID ?? "my-tool-5b0c1e",
  product: "My Plex tool",
  plexTvURL: process.env.PLEX_TV_URL ?? "https://plex.tv/api/v2",
});

const { data: pin } = await plex.authentication.createPin({ strong: true });
console.log(
  `Open this link to approve "My Plex tool": ${plex.authentication.buildAuthAppURL({ code: pin.code })}`,
);

// Polls once a second until approved; PlexPinExpiredError or PlexTimeoutError when nobody approves in time.
const token = await plex.authentication.waitForPinToken(pin);
const { data: account } = await plex.withAccessToken(token).authentication.getTokenDetails();
console.log(`Signed in as ${account.username} <${account.email}>`);
// Store `token` like a password (a 0600 file, the OS keychain) and reuse it: it stays valid until revoked.
