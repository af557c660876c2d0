// The machine line printed with every result: figures from different machines do not compare.
import { arch, cpus, loadavg, platform, totalmem } from "node:os";

export function machineLine() {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? "unknown CPU";
  const memory = `${Math.round(totalmem() / 1024 ** 3)} GiB`;
  return `${model}, ${cores.length} cores, ${memory} RAM, Node ${process.version}, ${platform()} ${arch()}`;
}

/** The 1-minute load average: above the core count, other work was competing with the bench. */
export const loadAverage = () => loadavg()[0] ?? 0;
