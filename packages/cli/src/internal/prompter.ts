import { createInterface, type Interface } from "node:readline";
import { CancelledError, CliError } from "./cli-error.js";
import { type Io, isTTY } from "./io.js";

/** Asks the user for input on stderr (stdout stays clean for results); reads stdin line by line when it is a pipe. */
export interface Prompter {
  ask(question: string): Promise<string>;
  /** Like `ask`, but typed characters are not echoed (passwords, 2FA codes). */
  askSecret(question: string): Promise<string>;
  close(): void;
}

export function createPrompter(io: Io): Prompter {
  const interactive = isTTY(io.stdin) && typeof (io.stdin as NodeJS.ReadStream).setRawMode === "function";
  return interactive ? terminalPrompter(io) : pipedPrompter(io);
}

/** stdin is a pipe or file (scripts, tests): one line per answer, nothing echoed since nothing is typed. */
function pipedPrompter(io: Io): Prompter {
  let reader: Interface | undefined;
  const lines: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let ended = false;
  const start = () => {
    if (reader) return;
    reader = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
    reader.on("line", (line) => {
      const next = waiting.shift();
      if (next) next(line);
      else lines.push(line);
    });
    reader.on("close", () => {
      ended = true;
      for (const next of waiting.splice(0)) next(undefined);
    });
  };
  const next = async (question: string): Promise<string> => {
    start();
    io.stderr.write(question);
    const line =
      lines.length > 0
        ? lines.shift()
        : ended
          ? undefined
          : await new Promise<string | undefined>((resolve, reject) => {
              const onAbort = () => {
                // End the prompt's line, so the error starts on its own.
                io.stderr.write("\n");
                reject(new CancelledError());
              };
              io.signal.addEventListener("abort", onAbort, { once: true });
              waiting.push((value) => {
                io.signal.removeEventListener("abort", onAbort);
                resolve(value);
              });
            });
    io.stderr.write("\n");
    if (line === undefined) throw new CliError("No more input on stdin: could not read an answer.");
    return line;
  };
  return { ask: next, askSecret: next, close: () => reader?.close() };
}

/** A real terminal: visible questions through readline, secrets in raw mode without echo. */
function terminalPrompter(io: Io): Prompter {
  const stdin = io.stdin as NodeJS.ReadStream;
  return {
    ask: (question) =>
      new Promise((resolve, reject) => {
        const reader = createInterface({ input: stdin, output: io.stderr, terminal: true });
        reader.on("SIGINT", () => {
          reader.close();
          reject(new CancelledError());
        });
        reader.question(question, (answer) => {
          reader.close();
          resolve(answer);
        });
      }),
    askSecret: (question) =>
      new Promise((resolve, reject) => {
        // Echo off before the prompt shows, so nothing typed at once can be echoed.
        stdin.setRawMode(true);
        io.stderr.write(question);
        let value: string[] = [];
        const finish = () => {
          stdin.off("data", onData);
          stdin.setRawMode(false);
          stdin.pause();
          io.stderr.write("\n");
        };
        const onData = (chunk: Buffer | string) => {
          for (const char of String(chunk)) {
            if (char === "\r" || char === "\n" || char === "\u0004") {
              finish();
              resolve(value.join(""));
              return;
            }
            // Raw mode turns Ctrl-C into a character instead of SIGINT.
            if (char === "\u0003") {
              finish();
              value = [];
              reject(new CancelledError());
              return;
            }
            if (char === "\u007f" || char === "\b") value.pop();
            else value.push(char);
          }
        };
        stdin.setEncoding("utf8");
        stdin.resume();
        stdin.on("data", onData);
      }),
    close: () => {},
  };
}
