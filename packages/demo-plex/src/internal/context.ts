import type { DemoData } from "../demo-data.js";

export interface DemoContext {
  readonly request: Request;
  readonly url: URL;
  readonly data: DemoData;
  readonly now: () => Date;
  readonly pinClaimAfterPolls: number;
}

export type DemoRoute = (context: DemoContext) => Response | Promise<Response>;
