/**
 * Coalescing of change events: Excel raises events faster than a check can run (fast typing, a
 * paste split into several events). Events are only recorded here; work runs out of the event
 * handler after a short delay, at most one run is in flight, and everything that arrived
 * meanwhile is merged into the one pending run, which reads the sheet afresh (the last state
 * wins). No queue can build up.
 */

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Coalescer<T> {
  /** Records an item; never runs work synchronously. */
  push(item: T): void;
  /** Resolves when nothing is scheduled or running. */
  idle(): Promise<void>;
  /** Drops what is pending and stops scheduling. */
  cancel(): void;
  /** Runs started so far (for tests and the bench). */
  runs(): number;
}

/**
 * @param run the work, given every item recorded since the previous run started
 * @param delayMs how long to wait after the first item of a burst before running
 */
export function createCoalescer<T>(
  run: (items: T[]) => Promise<void>,
  delayMs: number,
  timers: Timers = realTimers,
  onError: (e: unknown) => void = () => {},
): Coalescer<T> {
  let pending: T[] = [];
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let count = 0;
  let cancelled = false;
  let waiters: (() => void)[] = [];

  const settle = () => {
    if (timer === null && running === null && pending.length === 0) {
      const w = waiters;
      waiters = [];
      for (const f of w) f();
    }
  };

  const schedule = () => {
    if (timer !== null || running !== null || cancelled) return;
    timer = timers.setTimeout(fire, delayMs);
  };

  function fire() {
    timer = null;
    if (running !== null || cancelled) return;
    const items = pending;
    pending = [];
    if (items.length === 0) return settle();
    count++;
    running = run(items)
      .catch(onError)
      .then(() => {
        running = null;
        if (pending.length > 0 && !cancelled) schedule();
        else settle();
      });
  }

  return {
    push(item) {
      if (cancelled) return;
      pending.push(item);
      schedule();
    },
    idle() {
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      });
    },
    cancel() {
      cancelled = true;
      pending = [];
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      settle();
    },
    runs: () => count,
  };
}
