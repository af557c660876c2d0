// Starts `workerd serve` on a config whose socket binds port 0 and learns the real port from workerd's control
// descriptor, so the test neither guesses a free port nor polls until the server answers.
import { spawn } from "node:child_process";
import type { Readable } from "node:stream";

export interface RunningWorkerd {
  /** e.g. `http://127.0.0.1:41234` */
  readonly url: string;
  close(): Promise<void>;
}

export function startWorkerd(binary: string, config: string, cwd: string): Promise<RunningWorkerd> {
  const child = spawn(binary, ["serve", config, "config", "--control-fd=3"], {
    cwd,
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    let control = "";
    (child.stdio[3] as Readable).on("data", (chunk: Buffer) => {
      const lines = (control + chunk.toString()).split("\n");
      control = lines.pop() ?? "";
      for (const line of lines) {
        const message = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (message.event === "listen" && message.socket === "http") {
          resolve({ url: `http://127.0.0.1:${message.port}`, close });
        }
      }
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      reject(new Error(`workerd exited (${code ?? signal}) before listening:\n${stderr}`));
    });
  });
}
