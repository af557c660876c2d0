import { PROXY_SECRET_META } from "./proxy-protocol.js";

/**
 * This run's proxy secret, which the dev server (or `vite preview`) wrote into the page. Empty when the
 * page was not served by the playground's server (then the proxy refuses every call, with a message).
 */
export function readProxySecret(
  doc: Pick<Document, "querySelector"> | undefined = globalThis.document,
): string {
  const meta = doc?.querySelector<HTMLMetaElement>(`meta[name="${PROXY_SECRET_META}"]`);
  return meta?.content ?? "";
}
