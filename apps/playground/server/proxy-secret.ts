import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { PROXY_SECRET_META } from "../src/proxy-protocol.js";

/** A fresh secret per dev/preview server run: 256 random bits, URL-safe so it fits a header as is. */
export function createProxySecret(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Constant-time comparison. Both sides are hashed first so neither the length nor the first differing
 * byte of what a caller presents changes how long the answer takes.
 */
export function secretMatches(expected: string, presented: string | undefined): boolean {
  if (presented === undefined || presented === "") return false;
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(expected), digest(presented));
}

/** Puts the secret in the page as `<meta name="plex-playground-proxy-secret">`, read by `proxiedFetch`. */
export function injectProxySecret(html: string, secret: string): string {
  const tag = `<meta name="${PROXY_SECRET_META}" content="${secret}" />`;
  return html.includes("</head>") ? html.replace("</head>", `    ${tag}\n  </head>`) : `${tag}\n${html}`;
}
