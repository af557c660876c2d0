import { hostname, release } from "node:os";

declare const __CLI_VERSION__: string;

/** Set by tsup from package.json; "0.0.0-dev" when the sources run unbuilt. */
export const CLI_VERSION = typeof __CLI_VERSION__ === "string" ? __CLI_VERSION__ : "0.0.0-dev";

const PLATFORM_NAMES: Partial<Record<NodeJS.Platform, string>> = {
  linux: "Linux",
  darwin: "macOS",
  win32: "Windows",
  freebsd: "FreeBSD",
  openbsd: "OpenBSD",
};

/** How this machine introduces itself to Plex: one device named after the machine, "plex-auth" as the product. */
export function deviceIdentity(clientIdentifier: string) {
  const platform = PLATFORM_NAMES[process.platform] ?? process.platform;
  return {
    clientIdentifier,
    product: "plex-auth",
    version: CLI_VERSION,
    platform,
    platformVersion: release(),
    device: platform,
    deviceName: hostname(),
  };
}
