// The `plex-auth` executable: wires the process (argv, streams, env, Ctrl-C) to runCli and exits with its code.
import { EXIT } from "./internal/exit-codes.js";
import { runCli } from "./internal/run-cli.js";

const controller = new AbortController();
let interrupted = false;
process.on("SIGINT", () => {
  // First Ctrl-C: cancel whatever is waiting, so the command ends cleanly without storing anything half-done.
  // A second one: the user insists, leave now.
  if (interrupted) process.exit(EXIT.cancelled);
  interrupted = true;
  controller.abort();
});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: controller.signal,
});
process.exitCode = code;
