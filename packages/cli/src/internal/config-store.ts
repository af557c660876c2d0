import { randomBytes, randomUUID } from "node:crypto";
import { chmod, mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CliError } from "./cli-error.js";

/** What `config.json` holds. Unknown fields written by a newer version are kept on rewrite. */
export interface CliConfig {
  /** One per machine, created on first run: Plex lists one device, not one per run. */
  clientIdentifier: string;
  /** The stored account token (from `login`). */
  token?: string;
  /** The account the token belongs to, for messages only. */
  username?: string;
  /** plex.tv base the token came from, when it was not the default (e.g. the demo). */
  plexTvURL?: string;
  /** The device key registered by `login --jwt` (a JWK with its private part). */
  deviceKey?: unknown;
  [field: string]: unknown;
}

export class ConfigStore {
  constructor(readonly path: string) {}

  /** The config, or `undefined` when there is none yet. A damaged file is an error, never silently replaced. */
  async read(): Promise<CliConfig | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new CliError(`Could not read the config file ${this.path} (${(error as Error).message}).`);
    }
    try {
      const value = JSON.parse(text) as unknown;
      if (
        typeof value !== "object" ||
        value === null ||
        typeof (value as CliConfig).clientIdentifier !== "string"
      )
        throw new Error("no clientIdentifier");
      return value as CliConfig;
    } catch {
      throw new CliError(
        `The config file ${this.path} is damaged: fix it or delete it (a new device identifier is then created).`,
      );
    }
  }

  /** The config, created with a new client identifier (and saved) on first run. */
  async readOrCreate(): Promise<CliConfig> {
    const existing = await this.read();
    if (existing) return existing;
    const created: CliConfig = { clientIdentifier: randomUUID() };
    await this.write(created);
    return created;
  }

  /**
   * Writes the whole file atomically: a private temporary file in the same folder, flushed, then renamed over the
   * old one. A Ctrl-C or crash at any point leaves either the old file or the new one, never half of one.
   * The folder is 0700 and the file 0600 from the moment it exists (the token is a password).
   */
  async write(config: CliConfig): Promise<void> {
    const directory = dirname(this.path);
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const temporary = join(directory, `.${basename(this.path)}.${randomBytes(6).toString("hex")}.tmp`);
    const handle = await open(temporary, "wx", 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(config, null, 2)}\n`, "utf8");
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(temporary, { force: true });
      throw error;
    }
    await handle.close();
    // `mode` in open() is filtered by the umask; 0600 must not depend on it.
    await chmod(temporary, 0o600);
    try {
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
