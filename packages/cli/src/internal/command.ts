import type { CommandContext } from "./context.js";
import type { ErrorStage } from "./render-error.js";

export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  /** Shown in `--help`: `--name <value>  description`. */
  readonly value?: string;
  readonly description: string;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Longest allowed positional list (after the command name). */
  readonly maxPositionals: number;
  readonly examples: readonly string[];
  /** The default reading of a Plex 401 while this command runs. */
  readonly stage: ErrorStage;
  run(context: CommandContext, values: OptionValues, positionals: readonly string[]): Promise<number>;
}
