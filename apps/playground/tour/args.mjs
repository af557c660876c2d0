// @ts-check
import { parseArgs } from "node:util";

/**
 * @typedef {object} TourArgs
 * @property {string | undefined} server  Live mode: the media server base URL.
 * @property {string | undefined} token   Live mode: the X-Plex-Token to use.
 * @property {string | undefined} plexTv  plex.tv base (default https://plex.tv/api/v2).
 * @property {string | undefined} source  Live mode: server://<machineIdentifier>; default read from /identity.
 * @property {string | undefined} login   Live mode, optional: sign in too.
 * @property {string | undefined} password
 * @property {string | undefined} code    Live mode, optional: the 2FA code.
 * @property {string | undefined} clientIdentifier
 * @property {boolean} pin     Live: sign in with a PIN (prints the plex.tv/link code and waits).
 * @property {boolean} help
 */

export const USAGE = `Usage: pnpm playground:tour [-- --server URL --token T [options]]

Without options the tour runs every operation against the built-in demo Plex on 127.0.0.1.
  --server URL            run against a real media server (needs --token)
  --token T               X-Plex-Token for the real server and plex.tv
  --plex-tv URL           plex.tv base (default https://plex.tv/api/v2)
  --source server://ID    source for getSourceConnectionInformation (default: read from <server>/identity)
  --login L --password P  also sign in (add --code C for 2FA)
  --client-identifier ID  X-Plex-Client-Identifier (default: stable per machine and user)
  --pin                   Sign in with Plex on real plex.tv: prints a plex.tv/link code and waits for it
                          (alone, or with --server to use the new token for the other operations)
`;

/**
 * @param {string[]} argv
 * @returns {TourArgs}
 */
export function readArgs(argv) {
  const { values } = parseArgs({
    // pnpm passes the "--" separator through to the script: drop it.
    args: argv.filter((arg) => arg !== "--"),
    options: {
      server: { type: "string" },
      token: { type: "string" },
      "plex-tv": { type: "string" },
      source: { type: "string" },
      login: { type: "string" },
      password: { type: "string" },
      code: { type: "string" },
      "client-identifier": { type: "string" },
      pin: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  return {
    server: values.server,
    token: values.token,
    plexTv: values["plex-tv"],
    source: values.source,
    login: values.login,
    password: values.password,
    code: values.code,
    clientIdentifier: values["client-identifier"],
    pin: values.pin === true,
    help: values.help === true,
  };
}
