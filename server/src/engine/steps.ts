/**
 * Work written as a generator that yields between steps (a parsed chunk, a rule) can run to the
 * end at once (the CLI, tests) or in slices that give the language server's message loop a turn,
 * so requests are answered while a big document is checked, and stale work is dropped.
 */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps, yielding to the event loop every `sliceMs`; undefined as soon as `cancelled()` says the work is stale. */
export async function runStepsAsync<T>(steps: Generator<void, T>, cancelled: () => boolean = () => false, sliceMs = 20): Promise<T | undefined> {
  let t0 = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - t0 > sliceMs) {
      await yieldToLoop();
      if (cancelled()) { steps.return(undefined as T); return undefined; }
      t0 = performance.now();
    }
  }
}

/** A turn for the event loop: setImmediate in Node; a timer in a browser worker, which has none. */
export const yieldToLoop = (): Promise<void> => new Promise(resolve => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
