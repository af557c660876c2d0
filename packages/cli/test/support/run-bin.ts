// Runs the built `plex-auth` bin as a child process, as a user's shell would, with its own config folder.
// Asynchronous on purpose: the demo Plex server lives in the test process and must keep answering meanwhile.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

export interface BinResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Written to stdin, then stdin is closed. */
  readonly input?: string;
  readonly env?: Record<string, string | undefined>;
  /** Called once the process is started, e.g. to send it SIGINT when stderr shows something. */
  readonly onStart?: (child: ChildProcess, output: { stderr: () => string; stdout: () => string }) => void;
}

/** A temporary home for one test: its own XDG_CONFIG_HOME, so no test sees another's token or the user's. */
export function createSandbox() {
  const root = mkdtempSync(join(tmpdir(), "plex-cli-"));
  const configHome = join(root, "config");
  return {
    root,
    configHome,
    configDir: join(configHome, "plex-auth"),
    configFile: join(configHome, "plex-auth", "config.json"),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Only what the CLI should see: no PLEX_TOKEN or NO_COLOR leaking in from the developer's shell. */
export function baseEnv(configHome: string, extra: Record<string, string | undefined> = {}) {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: configHome,
    XDG_CONFIG_HOME: configHome,
  };
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) env[name] = value;
  return env;
}

export function runBin(args: readonly string[], options: RunOptions = {}): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: options.env ?? {},
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    options.onStart?.(child, { stderr: () => stderr, stdout: () => stdout });
    if (options.input !== undefined) child.stdin.end(options.input);
    else if (!options.onStart) child.stdin.end();
  });
}
