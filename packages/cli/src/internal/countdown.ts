/** "14:59" or "1:02:03": time left, never negative. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * Rewrites one stderr line each second on a terminal ("Waiting for approval… 14:59 left"). On a pipe it prints
 * nothing: logs should not fill with one line per second.
 */
export function startCountdown(
  stream: NodeJS.WritableStream,
  expiresAt: number,
  render: (left: string) => string,
  now: () => number = Date.now,
): { stop(): void } {
  const draw = () => stream.write(`\r\u001b[2K${render(formatRemaining(expiresAt - now()))}`);
  draw();
  const timer = setInterval(draw, 1000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      stream.write("\r\u001b[2K");
    },
  };
}
