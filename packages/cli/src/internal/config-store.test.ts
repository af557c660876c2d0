import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configDirectory } from "./config-path.js";
import { ConfigStore } from "./config-store.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "plex-cli-store-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("configDirectory", () => {
  it("uses an absolute XDG_CONFIG_HOME on every platform, else the platform's place", () => {
    expect(configDirectory({ XDG_CONFIG_HOME: "/x" }, "darwin", "/h")).toBe("/x/plex-auth");
    expect(configDirectory({ XDG_CONFIG_HOME: "relative" }, "linux", "/h")).toBe("/h/.config/plex-auth");
    expect(configDirectory({}, "linux", "/h")).toBe("/h/.config/plex-auth");
    expect(configDirectory({}, "darwin", "/h")).toBe("/h/Library/Application Support/plex-auth");
    expect(configDirectory({ APPDATA: "/appdata" }, "win32", "/h")).toMatch(/appdata.plex-auth$/);
  });
});

describe("ConfigStore", () => {
  it("creates one client identifier and keeps it", async () => {
    const store = new ConfigStore(join(root, "plex-auth", "config.json"));
    expect(await store.read()).toBeUndefined();
    const first = await store.readOrCreate();
    expect((await store.readOrCreate()).clientIdentifier).toBe(first.clientIdentifier);
  });

  it("writes 0600 whatever the umask, in a 0700 folder, leaving no temporary file", async () => {
    const previous = process.umask(0o000);
    try {
      const store = new ConfigStore(join(root, "plex-auth", "config.json"));
      await store.write({ clientIdentifier: "c", token: "t" });
      await store.write({ clientIdentifier: "c", token: "u" });
      expect(statSync(store.path).mode & 0o777).toBe(0o600);
      expect(statSync(join(root, "plex-auth")).mode & 0o777).toBe(0o700);
      expect(readdirSync(join(root, "plex-auth"))).toEqual(["config.json"]);
      expect(JSON.parse(readFileSync(store.path, "utf8"))).toEqual({ clientIdentifier: "c", token: "u" });
    } finally {
      process.umask(previous);
    }
  });

  it("refuses a damaged file instead of replacing it (that would lose the machine's identifier)", async () => {
    const store = new ConfigStore(join(root, "config.json"));
    writeFileSync(store.path, '{"clientIdentifier": "abc", "tok');
    await expect(store.readOrCreate()).rejects.toThrow(/is damaged: fix it or delete it/);
    expect(readFileSync(store.path, "utf8")).toBe('{"clientIdentifier": "abc", "tok');
  });
});
