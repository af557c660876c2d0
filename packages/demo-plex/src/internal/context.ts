import type { DemoData } from "../demo-data.js";
import type { DemoJwtState } from "./jwt-state.js";

export interface DemoContext {
  readonly request: Request;
  readonly url: URL;
  readonly data: DemoData;
  readonly now: () => Date;
  /** Polls answered "unclaimed" before a pin claims itself; Infinity: only Allow on the auth page claims. */
  readonly pinClaimAfterPolls: number;
  /** Lifetime of new pins in seconds; undefined: plex.tv's (900, or 1800 for strong pins). */
  readonly pinLifetimeSeconds: number | undefined;
  /** clients.plex.tv state: device keys, nonces, signing keys, issued Plex JWTs. */
  readonly jwt: DemoJwtState;
}

export type DemoRoute = (context: DemoContext) => Response | Promise<Response>;
