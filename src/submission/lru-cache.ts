import { YibiaoUsageError } from './errors.js';

/**
 * A map that holds at most `capacity` entries and, when full, forgets the
 * least recently used one. A `Map` keeps insertion order, so re-inserting an
 * entry on every read keeps the oldest-used entry first.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();

  /**
   * @param capacity - the most entries kept, a positive integer.
   * @throws {YibiaoUsageError} when `capacity` is not a positive integer.
   */
  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new YibiaoUsageError('LruCache: "capacity" must be a positive integer');
  }

  /** How many entries are held. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * The value of a key, which becomes the most recently used.
   *
   * @param key - the key.
   * @returns the value, or undefined when the key is not held.
   */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /**
   * Stores a value as the most recently used, forgetting the least recently
   * used entry when the cache is full.
   *
   * @param key - the key.
   * @param value - the value (not undefined).
   */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
  }

  /**
   * Forgets a key.
   *
   * @param key - the key.
   */
  delete(key: K): void {
    this.#entries.delete(key);
  }

  /** Whether a key is held (does not count as a use). */
  has(key: K): boolean {
    return this.#entries.has(key);
  }
}

/**
 * The promise held for `key`, or a new one from `make`, held until it
 * rejects: concurrent callers share one pending job, and a failure is not
 * kept, so the next caller tries again.
 *
 * @param cache - where promises are kept.
 * @param key - the key.
 * @param make - starts the job.
 * @returns the shared promise.
 */
export function rememberPromise<K, T>(cache: LruCache<K, Promise<T>>, key: K, make: () => Promise<T>): Promise<T> {
  const held = cache.get(key);
  if (held !== undefined) return held;
  const pending = make();
  cache.set(key, pending);
  pending.catch(() => {
    if (cache.has(key) && cache.get(key) === pending) cache.delete(key);
  });
  return pending;
}
