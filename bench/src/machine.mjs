// The machine line printed with every result: figures from different machines do not compare.
import { arch, cpus, platform, totalmem } from "node:os";

export function machineLine() {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? "unknown CPU";
  const memory = `${Math.round(totalmem() / 1024 ** 3)} GiB`;
  return `${model}, ${cores.length} cores, ${memory} RAM, Node ${process.version}, ${platform()} ${arch()}`;
}
