/**
 * A few assertions for browser tests (no chai or @open-wc/testing installed).
 * Each throws an `AssertionError` with a message that says what was expected.
 */
export class AssertionError extends Error {
  override readonly name = 'AssertionError';
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Fails unless `condition` is truthy. */
export function ok(condition: unknown, message = 'expected a truthy value'): asserts condition {
  if (!condition) throw new AssertionError(message);
}

/** Fails unless `actual === expected`. */
export function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (actual !== expected) {
    throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** Fails when `actual === unexpected`. */
export function notEqual(actual: unknown, unexpected: unknown, message?: string): void {
  if (actual === unexpected) throw new AssertionError(`${message ? `${message}: ` : ''}did not expect ${show(unexpected)}`);
}

/** Fails unless both values serialise to the same JSON (key order included). */
export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  const a = show(actual);
  const e = show(expected);
  if (a !== e) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${e}, got ${a}`);
}

/** Fails unless `text` contains `part`. */
export function includes(text: string | null | undefined, part: string, message?: string): void {
  if (typeof text !== 'string' || !text.includes(part)) {
    throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(text)} to contain ${show(part)}`);
  }
}

/** Fails unless the promise rejects; returns the rejection reason. */
export async function rejects(promise: Promise<unknown>, message = 'expected the promise to reject'): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new AssertionError(message);
}

/**
 * Polls until `check` returns a value other than `undefined`, `null` or `false`.
 *
 * @param check - the condition.
 * @param what - what is awaited, for the failure message.
 * @param timeout - milliseconds before giving up.
 */
export async function waitFor<T>(check: () => T | undefined | null | false, what: string, timeout = 10_000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (performance.now() - start > timeout) throw new AssertionError(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
