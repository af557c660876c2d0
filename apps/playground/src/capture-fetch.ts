import { isSecretName, maskSecret, maskUrl } from "./mask.js";

/** A request as it left the SDK, safe to show: X-Plex-* and content headers only, token masked. */
export interface SentRequest {
  method: string;
  url: string;
  headers: [name: string, value: string][];
  /** The form body, with the password masked. */
  body?: string;
}

const SHOWN_HEADERS = /^(x-plex-.*|accept|content-type)$/i;

async function describeBody(request: Request): Promise<string | undefined> {
  if (request.method === "GET" || request.method === "HEAD") return undefined;
  const text = await request.clone().text();
  if (text === "") return undefined;
  if (!(request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded")) return text;
  const form = new URLSearchParams(text);
  return [...form].map(([name, value]) => `${name}=${isSecretName(name) ? "••••" : value}`).join("&");
}

export async function describeRequest(request: Request): Promise<SentRequest> {
  const headers: [string, string][] = [];
  request.headers.forEach((value, name) => {
    if (SHOWN_HEADERS.test(name)) headers.push([name, isSecretName(name) ? maskSecret(value) : value]);
  });
  headers.sort(([a], [b]) => a.localeCompare(b));
  const body = await describeBody(request);
  return {
    method: request.method,
    url: maskUrl(request.url),
    headers,
    ...(body === undefined ? {} : { body }),
  };
}

/**
 * Wraps the fetch the SDK is given. It sits below the SDK's auth step, so it sees the request exactly as
 * sent, X-Plex-Token included (which is why it masks before keeping anything).
 */
export function capturingFetch(
  inner: typeof globalThis.fetch,
  onSend: (sent: SentRequest) => void,
): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    onSend(await describeRequest(request));
    return inner(request);
  };
}
