#!/usr/bin/env node
// `pnpm test:soak`: runs the built soak (dist/soak.js) under `node --expose-gc` and checks that the process exits on
// its own within EXIT_DEADLINE_MS of printing its figures: a socket, timer or server left open would keep it alive.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const EXIT_DEADLINE_MS = 2_000;
const HARD_LIMIT_MS = 300_000;
const script = fileURLToPath(new URL("../dist/soak.js", import.meta.url));

const child = spawn(process.execPath, ["--expose-gc", "--enable-source-maps", script], {
  stdio: ["ignore", "pipe", "inherit"],
  env: process.env,
});
let lastOutput = 0;
child.stdout.on("data", (chunk) => {
  lastOutput = Date.now();
  process.stdout.write(chunk);
});
const hard = setTimeout(() => {
  console.error(`soak: still running after ${HARD_LIMIT_MS / 1000} s; killed`);
  child.kill("SIGKILL");
}, HARD_LIMIT_MS);
let lingering;
const poll = setInterval(() => {
  if (lastOutput && Date.now() - lastOutput > EXIT_DEADLINE_MS && child.exitCode === null) {
    lingering = Date.now() - lastOutput;
    child.kill("SIGKILL");
  }
}, 100);
child.on("exit", (code, signal) => {
  clearTimeout(hard);
  clearInterval(poll);
  if (lingering !== undefined) {
    console.error(
      `soak: the process did not exit on its own ${EXIT_DEADLINE_MS} ms after its last line (something left open)`,
    );
    process.exit(1);
  }
  const exitedAfter = lastOutput ? Date.now() - lastOutput : 0;
  console.log(
    `soak: process exited on its own ${exitedAfter} ms after its last line (code ${code ?? signal})`,
  );
  process.exit(code === 0 ? 0 : 1);
});
