import { PlexAPI, type PlexResponse } from "@plex/auth";
import { capturingFetch, type SentRequest } from "./capture-fetch.js";
import type { FieldValues, OperationSpec } from "./operations.js";
import { proxiedFetch } from "./proxied-fetch.js";
import type { Mode, Target } from "./settings.js";

export type RunResult =
  | { ok: true; sent: SentRequest[]; durationMs: number; response: PlexResponse<unknown> }
  | { ok: false; sent: SentRequest[]; durationMs: number; error: unknown };

/** One client per run: settings may have changed since the last one, and runs stay independent. */
export function createApi(mode: Mode, target: Target, onSend: (sent: SentRequest) => void): PlexAPI {
  const transport =
    mode === "live"
      ? proxiedFetch(target.serverURL === undefined ? {} : { server: target.serverURL })
      : globalThis.fetch.bind(globalThis);
  return new PlexAPI({
    clientIdentifier: target.clientIdentifier,
    product: "Plex SDK Playground",
    version: "0.0.0",
    platform: "Web",
    device: "Browser",
    deviceName: "Plex SDK Playground",
    plexTvURL: target.plexTvURL,
    ...(target.serverURL === undefined ? {} : { serverURL: target.serverURL }),
    ...(target.token === undefined ? {} : { accessToken: target.token }),
    fetch: capturingFetch(transport, onSend),
  });
}

export async function runOperation(
  operation: OperationSpec,
  values: FieldValues,
  mode: Mode,
  target: Target,
  now: () => number = () => performance.now(),
): Promise<RunResult> {
  const sent: SentRequest[] = [];
  // A server picked with "use this server" takes its own token; plex.tv operations keep the account's.
  const effective =
    operation.server === "pms" && target.serverToken !== undefined
      ? { ...target, token: target.serverToken }
      : target;
  const started = now();
  try {
    // Inside the try: the client itself refuses a bad server URL (PlexInvalidRequestError), which the panel
    // must show like any other error instead of staying on "Running…".
    const api = createApi(mode, effective, (request) => sent.push(request));
    const response = await operation.run(api, values);
    return { ok: true, sent, durationMs: now() - started, response };
  } catch (error) {
    return { ok: false, sent, durationMs: now() - started, error };
  }
}
