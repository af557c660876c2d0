import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

const APP_DIR = "plex-auth";

/**
 * Where the config lives: `$XDG_CONFIG_HOME/plex-auth` when set (on every platform, so tests and power users can
 * move it), else the platform's own place: `~/.config` on Linux and BSD, `~/Library/Application Support` on macOS,
 * `%APPDATA%` on Windows.
 */
export function configDirectory(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const xdg = env.XDG_CONFIG_HOME;
  // The XDG spec says a relative value is invalid and must be ignored.
  if (xdg !== undefined && xdg !== "" && isAbsolute(xdg)) return join(xdg, APP_DIR);
  if (platform === "win32") return join(env.APPDATA || join(home, "AppData", "Roaming"), APP_DIR);
  if (platform === "darwin") return join(home, "Library", "Application Support", APP_DIR);
  return join(home, ".config", APP_DIR);
}

export function configFilePath(env: Readonly<Record<string, string | undefined>>): string {
  return join(configDirectory(env), "config.json");
}
