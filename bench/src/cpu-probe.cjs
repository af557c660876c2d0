// Preloaded (node --require) into every cold-start process: prints the process's own CPU time at
// exit. CPU time barely moves when other work shares the machine, unlike wall time, so the
// report shows both.
process.on("exit", () => {
  const usage = process.resourceUsage();
  process.stdout.write(`\ncpu-us:${usage.userCPUTime + usage.systemCPUTime}\n`);
});
