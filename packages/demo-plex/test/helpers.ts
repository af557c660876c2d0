import { DEMO_CLIENT_IDENTIFIER } from "../src/index.js";

export const PLEX_TV = "https://plex.tv/api/v2";
export const PMS = "http://demo-plex.local:32400";

export interface DemoRequestInit {
  method?: string;
  token?: string;
  accept?: string | null;
  clientIdentifier?: string | null;
  form?: Record<string, string>;
}

/** Builds a request the way the SDK sends it: client identifier and JSON Accept unless a test says otherwise. */
export function demoRequest(url: string, init: DemoRequestInit = {}): Request {
  const headers = new Headers();
  const accept = init.accept === undefined ? "application/json" : init.accept;
  if (accept !== null) headers.set("Accept", accept);
  const clientIdentifier =
    init.clientIdentifier === undefined ? DEMO_CLIENT_IDENTIFIER : init.clientIdentifier;
  if (clientIdentifier !== null) headers.set("X-Plex-Client-Identifier", clientIdentifier);
  if (init.token !== undefined) headers.set("X-Plex-Token", init.token);
  let body: string | undefined;
  if (init.form !== undefined) {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(init.form).toString();
  }
  return new Request(url, { method: init.method ?? (body !== undefined ? "POST" : "GET"), headers, body });
}
