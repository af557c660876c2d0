/**
 * Resolves after `ms`, or rejects with `onAbort()` as soon as `signal` aborts. Leaves nothing behind either way:
 * the timer is cleared and the listener removed, so a long wait that is cancelled holds no reference.
 */
export function abortableSleep(
  ms: number,
  signal: AbortSignal | undefined,
  onAbort: () => Error,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(onAbort());
      return;
    }
    const abort = (): void => {
      clearTimeout(timer);
      reject(onAbort());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", abort, { once: true });
  });
}
