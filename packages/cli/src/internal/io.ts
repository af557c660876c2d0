/** What a command may touch of the outside world: injected so the entry point is the only place that reads `process`. */
export interface Io {
  readonly stdout: NodeJS.WriteStream | NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream | NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadStream | NodeJS.ReadableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C (SIGINT): long waits end at once and nothing half-done is stored. */
  readonly signal: AbortSignal;
}

export function isTTY(stream: NodeJS.WritableStream | NodeJS.ReadableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}
