/** A value that tells its subscribers when it changes. */
export interface Signal<T> {
  get(): T;
  set(value: T): void;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (value: T) => void): () => void;
}

/**
 * Creates a {@link Signal}. Setting the same value (by `Object.is`) notifies nobody.
 *
 * @param initial - the first value.
 */
export function signal<T>(initial: T): Signal<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
