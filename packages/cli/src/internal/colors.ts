export interface Colors {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const ON: Colors = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  green: wrap(32, 39),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
};
const same = (text: string) => text;
const OFF: Colors = { bold: same, dim: same, green: same, red: same, yellow: same, cyan: same };

/**
 * Colour only for people: a terminal, unless `--no-color`, `NO_COLOR` (any non-empty value, no-color.org) or
 * `TERM=dumb`. `FORCE_COLOR` (non-empty, not "0") turns it on without a terminal; `NO_COLOR` and `--no-color` still win.
 */
export function chooseColors(options: {
  noColorFlag: boolean;
  env: Readonly<Record<string, string | undefined>>;
  tty: boolean;
}): Colors {
  const { env } = options;
  if (options.noColorFlag || (env.NO_COLOR ?? "") !== "") return OFF;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "" && force !== "0") return ON;
  return options.tty && env.TERM !== "dumb" ? ON : OFF;
}
