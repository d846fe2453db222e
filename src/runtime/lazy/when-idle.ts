/** How long an idle task may wait for an idle period before it runs anyway. */
export const IDLE_TIMEOUT_MS = 2000;

/**
 * Runs `task` when the main thread is next idle (`requestIdleCallback`, at
 * most {@link IDLE_TIMEOUT_MS} later), or on the next macrotask where the
 * browser has no idle callbacks. Used to fetch lazy parts after the first
 * render, off the critical path.
 *
 * @param task - what to run; its errors are the task's own to handle.
 */
export function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(task, 0);
}
