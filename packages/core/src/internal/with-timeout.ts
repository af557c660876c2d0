import { onAbort } from "./on-abort";

/** What one attempt runs with: its own signal, and a way to stop awaiting the moment it aborts. */
export interface Deadline {
  readonly signal: AbortSignal;
  readonly timedOut: boolean;
  /** Settles like `promise`, or rejects as soon as the attempt aborts (an injected fetch may ignore its signal). */
  race<V>(promise: Promise<V>): Promise<V>;
}

/**
 * Runs `run` with a signal that aborts after `ms` or when `outer` aborts, whichever comes first;
 * the timer and the listener are gone when it settles.
 */
export async function withTimeout<T>(
  ms: number,
  outer: AbortSignal | undefined,
  run: (deadline: Deadline) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const { signal } = controller;
  // The reject of the await in progress (an attempt awaits one thing at a time).
  let stop: ((reason: unknown) => void) | undefined;
  const abort = () => {
    controller.abort();
    stop?.(signal.reason);
  };
  const deadline = {
    signal,
    timedOut: false,
    race: <V>(promise: Promise<V>) =>
      new Promise<V>((resolve, reject) => {
        if (signal.aborted) reject(signal.reason);
        stop = reject;
        promise.then(resolve, reject);
      }),
  };
  const timer = setTimeout(() => {
    deadline.timedOut = true;
    abort();
  }, ms);
  const forget = onAbort(outer, abort);
  try {
    return await run(deadline);
  } finally {
    clearTimeout(timer);
    forget();
  }
}
