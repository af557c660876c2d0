import { PlexAPI } from "@plex/auth";
import { CliError } from "./cli-error.js";
import type { Colors } from "./colors.js";
import type { CliConfig, ConfigStore } from "./config-store.js";
import { deviceIdentity } from "./identity.js";
import type { Io } from "./io.js";
import { freshStoredToken } from "./jwt-session.js";
import type { Prompter } from "./prompter.js";

export const DEFAULT_PLEX_TV_URL = "https://plex.tv/api/v2";

/** Everything a command gets: parsed global options, output helpers, the config and a way to build a client. */
export class CommandContext {
  #config: CliConfig | undefined;

  constructor(
    readonly io: Io,
    readonly store: ConfigStore,
    readonly prompter: Prompter,
    readonly json: boolean,
    /** Colours for stdout (results) and stderr (progress): each decided by its own stream. */
    readonly colors: { out: Colors; err: Colors },
    readonly flags: { readonly token?: string; readonly plexTvURL?: string },
  ) {}

  /** A result line on stdout (what scripts read). */
  result(text: string): void {
    this.io.stdout.write(`${text}\n`);
  }

  /** A progress or hint line on stderr, so piping stdout stays clean. */
  progress(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }

  printJson(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** The config, created (with this machine's client identifier) on first use. */
  async config(): Promise<CliConfig> {
    this.#config ??= await this.store.readOrCreate();
    return this.#config;
  }

  async saveConfig(config: CliConfig): Promise<void> {
    await this.store.write(config);
    this.#config = config;
  }

  /** --plex-tv-url, then PLEX_TV_URL, then the URL stored with the token, then plex.tv. */
  async plexTvURL(): Promise<string> {
    const chosen = this.flags.plexTvURL ?? nonEmpty(this.io.env.PLEX_TV_URL);
    if (chosen !== undefined) return chosen;
    const config = await this.store.read();
    return config?.token ? (config.plexTvURL ?? DEFAULT_PLEX_TV_URL) : DEFAULT_PLEX_TV_URL;
  }

  /** The token to use: --token, then PLEX_TOKEN, then the stored one. Undefined when there is none. */
  async findToken(): Promise<string | undefined> {
    const given = this.flags.token ?? nonEmpty(this.io.env.PLEX_TOKEN);
    if (given !== undefined) return given;
    const config = await this.store.read();
    return config === undefined ? undefined : freshStoredToken(this, config);
  }

  async requireToken(): Promise<string> {
    const token = await this.findToken();
    if (token === undefined)
      throw new CliError("Not signed in: run `plex-auth login`, or pass --token / set PLEX_TOKEN.");
    return token;
  }

  /** A PlexAPI with this machine's identity; with `token` as its access token when given. */
  async api(token?: string): Promise<PlexAPI> {
    const config = await this.config();
    const plexTvURL = await this.plexTvURL();
    return new PlexAPI({
      ...deviceIdentity(config.clientIdentifier),
      plexTvURL,
      ...(token === undefined ? {} : { accessToken: token }),
    });
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
