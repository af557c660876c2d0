import { PROXY_SECRET_HEADER, PROXY_SERVERS_PATH } from "./proxy-protocol.js";
import { readProxySecret } from "./proxy-secret.js";

export interface RegisterOptions {
  secret?: string;
  fetch?: typeof globalThis.fetch;
}

/**
 * Live mode: tells the proxy that the user entered this server, so it may forward to its origin (the
 * proxy forwards only to plex.tv and such servers). Never throws: a URL the proxy refuses, or a failed
 * call, only means the SDK's own request shows the SDK's or the proxy's error in the panel.
 */
export async function registerProxyTarget(
  serverURL: string,
  options: RegisterOptions = {},
): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(serverURL);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  try {
    const response = await (options.fetch ?? globalThis.fetch)(PROXY_SERVERS_PATH, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [PROXY_SECRET_HEADER]: options.secret ?? readProxySecret(),
      },
      body: JSON.stringify({ url: url.origin }),
      redirect: "manual",
    });
    return response.status === 204;
  } catch {
    return false;
  }
}
