/** How long an idle task may wait for an idle period before it runs anyway. */
export const IDLE_TIMEOUT_MS = 2000;

/** When an idle task runs, at the latest. */
export interface IdleOptions {
  /** How long the task may wait for an idle period (default {@link IDLE_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
  /** Where the browser has no `requestIdleCallback`: the delay before it runs (default 0, the next macrotask). */
  readonly fallbackMs?: number;
}

/**
 * Runs `task` when the main thread is next idle (`requestIdleCallback`, at
 * most `timeoutMs` later), or after `fallbackMs` where the browser has no
 * idle callbacks. Used to fetch lazy parts after the first render and to run
 * the deferred whole-form validation, off the critical path.
 *
 * @param task - what to run; its errors are the task's own to handle.
 * @param options - the idle timeout and the fallback delay.
 * @returns a function that cancels the task if it has not run yet.
 */
export function whenIdle(task: () => void, options: IdleOptions = {}): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => task(), { timeout: options.timeoutMs ?? IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, options.fallbackMs ?? 0);
  return () => clearTimeout(handle);
}
