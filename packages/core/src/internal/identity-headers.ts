import type { PlexClientOptions } from "../types";

// The one place the X-Plex-* identity names live (plexjs repeats them in every operation).
export const IDENTITY_HEADERS = {
  product: "X-Plex-Product",
  version: "X-Plex-Version",
  platform: "X-Plex-Platform",
  platformVersion: "X-Plex-Platform-Version",
  device: "X-Plex-Device",
  deviceName: "X-Plex-Device-Name",
  model: "X-Plex-Model",
  deviceVendor: "X-Plex-Device-Vendor",
  marketplace: "X-Plex-Marketplace",
  clientIdentifier: "X-Plex-Client-Identifier",
} as const satisfies Partial<Record<keyof PlexClientOptions, string>>;

/** Built once per client: `Accept` plus the identity headers that are set. */
export function buildIdentityHeaders(options: PlexClientOptions): Readonly<Record<string, string>> {
  // Exactly this value: plex.tv answers XML to anything else (e.g. axios' "application/json, text/plain, */*").
  const headers: Record<string, string> = { Accept: "application/json" };
  for (const [field, header] of Object.entries(IDENTITY_HEADERS)) {
    const value = options[field as keyof typeof IDENTITY_HEADERS];
    if (value !== undefined) headers[header] = value;
  }
  return Object.freeze(headers);
}
