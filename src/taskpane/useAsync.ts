/**
 * Small hooks for the pane's asynchronous work: an operation that knows when it is running
 * (its button is disabled meanwhile, the rest of the pane stays usable), and a debounced value.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: string };

/** A readable text for anything a promise may reject with. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}

/**
 * Wraps an async function: `run(...)` calls it unless a call is still running (a double click
 * does not start the work twice), never rejects (a failure comes back as `{ ok: false }`), and
 * `busy` is true meanwhile. State is not touched after unmount.
 */
export function useOperation<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
): { run: (...args: A) => Promise<Outcome<R> | undefined>; busy: boolean } {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const mounted = useRef(true);
  const fnRef = useRef(fn);

  useEffect(() => {
    fnRef.current = fn;
  }, [fn]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: A): Promise<Outcome<R> | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    try {
      return { ok: true, value: await fnRef.current(...args) };
    } catch (e) {
      return { ok: false, error: errorText(e) };
    } finally {
      running.current = false;
      if (mounted.current) setBusy(false);
    }
  }, []);

  return { run, busy };
}

/** `value`, but only once it has stayed the same for `delayMs`. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
