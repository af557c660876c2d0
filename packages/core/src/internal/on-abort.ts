// One listener per signal, however many calls share it: a thousand concurrent calls on one
// AbortSignal would otherwise add a thousand listeners (and Node prints MaxListenersExceededWarning).
const waiting = new WeakMap<AbortSignal, Set<() => void>>();

function fire(this: AbortSignal): void {
  const callbacks = waiting.get(this);
  waiting.delete(this);
  for (const callback of callbacks ?? []) callback();
}

/** Calls `callback` once when `signal` aborts; returns the function that stops waiting. */
export function onAbort(signal: AbortSignal | undefined, callback: () => void): () => void {
  if (signal === undefined) return () => {};
  let callbacks = waiting.get(signal);
  if (callbacks === undefined) {
    callbacks = new Set();
    waiting.set(signal, callbacks);
    signal.addEventListener("abort", fire, { once: true });
  }
  callbacks.add(callback);
  return () => {
    const current = waiting.get(signal);
    if (current?.delete(callback) && current.size === 0) {
      waiting.delete(signal);
      signal.removeEventListener("abort", fire);
    }
  };
}
