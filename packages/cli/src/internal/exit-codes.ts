/** Exit codes, documented in the README and `--help`. `check` uses 0/1/2 for valid/invalid/unknown. */
export const EXIT = {
  ok: 0,
  /** The operation failed (Plex refused, network down, bad answer…). For `check`: the token is invalid. */
  failure: 1,
  /** `check` only: plex.tv could not say whether the token is valid (network, timeout, 5xx, 429). */
  unknown: 2,
  /** Bad command line (unknown command or option, missing value). sysexits' EX_USAGE, distinct from 1 and 2. */
  usage: 64,
  /** Cancelled with Ctrl-C: 128 + SIGINT, as shells report it. */
  cancelled: 130,
} as const;
