import { parseArgs } from "node:util";
import { UsageError } from "./cli-error.js";
import { chooseColors } from "./colors.js";
import type { Command, OptionSpec, OptionValues } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { configFilePath } from "./config-path.js";
import { ConfigStore } from "./config-store.js";
import { CommandContext } from "./context.js";
import { EXIT } from "./exit-codes.js";
import { commandHelp, GLOBAL_OPTIONS, mainHelp } from "./help.js";
import { CLI_VERSION } from "./identity.js";
import { type Io, isTTY } from "./io.js";
import { createPrompter } from "./prompter.js";
import { renderError } from "./render-error.js";

type ParseOptions = Record<string, { type: "string" | "boolean"; short?: string }>;

function toParseOptions(...groups: Readonly<Record<string, OptionSpec>>[]): ParseOptions {
  const out: ParseOptions = {};
  for (const group of groups)
    for (const [name, spec] of Object.entries(group))
      out[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  return out;
}

function parse(argv: readonly string[]) {
  // Every command's options at once, so a value-taking global option may come before the command name;
  // options that do not belong to the chosen command are refused just below.
  const all = toParseOptions(GLOBAL_OPTIONS, ...COMMANDS.map((command) => command.options));
  try {
    return parseArgs({ args: [...argv], options: all, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message.split("\n")[0]} Run \`plex-auth --help\` for the options.`,
    );
  }
}

function checkOptions(command: Command, values: OptionValues, positionals: readonly string[]): void {
  for (const name of Object.keys(values)) {
    if (!(name in GLOBAL_OPTIONS) && !(name in command.options))
      throw new UsageError(
        `--${name} is not an option of \`plex-auth ${command.name}\`. Run \`plex-auth ${command.name} --help\`.`,
      );
  }
  if (positionals.length > command.maxPositionals)
    throw new UsageError(
      `Unexpected argument "${positionals[command.maxPositionals]}". Run \`plex-auth ${command.name} --help\`.`,
    );
}

/** Runs one command line and returns the exit code. Never throws: every failure becomes one line on stderr. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const wantsJson = argv.includes("--json");
  const noColor = argv.includes("--no-color");
  const colors = {
    out: chooseColors({ noColorFlag: noColor, env: io.env, tty: isTTY(io.stdout) }),
    err: chooseColors({ noColorFlag: noColor, env: io.env, tty: isTTY(io.stderr) }),
  };
  const store = new ConfigStore(configFilePath(io.env));
  const prompter = createPrompter(io);
  let stage: Command["stage"] = "token";
  let secrets: (string | undefined)[] = [io.env.PLEX_TOKEN];
  try {
    const { values, positionals } = parse(argv);
    secrets = [values.token as string | undefined, io.env.PLEX_TOKEN];
    if (values.version === true) {
      io.stdout.write(`${CLI_VERSION}\n`);
      return EXIT.ok;
    }
    const [name, ...rest] = positionals;
    if (name === undefined || name === "help") {
      const topic = COMMANDS.find((command) => command.name === rest[0]);
      io.stdout.write(topic ? commandHelp(topic) : mainHelp(COMMANDS));
      return values.help === true || name === "help" ? EXIT.ok : EXIT.usage;
    }
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (command === undefined)
      throw new UsageError(`Unknown command "${name}". Run \`plex-auth --help\` for the commands.`);
    if (values.help === true) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    checkOptions(command, values, rest);
    stage = command.stage;
    const context = new CommandContext(io, store, prompter, values.json === true, colors, {
      token: values.token as string | undefined,
      plexTvURL: values["plex-tv-url"] as string | undefined,
    });
    secrets.push((await store.read().catch(() => undefined))?.token);
    return await command.run(context, values, rest);
  } catch (error) {
    const rendered = renderError(error, stage, secrets);
    io.stderr.write(`${colors.err.red("error:")} ${rendered.message}\n`);
    if (wantsJson) {
      const { exitCode: _exit, ...fields } = rendered;
      io.stdout.write(`${JSON.stringify({ error: fields }, null, 2)}\n`);
    }
    return rendered.exitCode;
  } finally {
    prompter.close();
  }
}
