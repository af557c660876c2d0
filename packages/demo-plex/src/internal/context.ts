import type { DemoData } from "../demo-data.js";
import type { DemoJwtState } from "./jwt-state.js";

export interface DemoContext {
  readonly request: Request;
  readonly url: URL;
  readonly data: DemoData;
  readonly now: () => Date;
  readonly pinClaimAfterPolls: number;
  /** clients.plex.tv state: device keys, nonces, signing keys, issued Plex JWTs. */
  readonly jwt: DemoJwtState;
}

export type DemoRoute = (context: DemoContext) => Response | Promise<Response>;
