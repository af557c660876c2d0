// Field and header names whose values are credentials: never shown in full on screen or in the
// terminal. The SDK's own list, so the page masks exactly what errors and logs redact.
import { isSecretName } from "@plex/core";

export { isSecretName };

/** Enough of a token to tell two apart, never enough to use one: `demo…77b2`. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return "•".repeat(Math.max(value.length, 4));
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}

/** A URL with any token in its query string masked. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    for (const [name, value] of [...parsed.searchParams]) {
      if (isSecretName(name)) parsed.searchParams.set(name, maskSecret(value));
    }
    return parsed.href;
  } catch {
    return url;
  }
}
