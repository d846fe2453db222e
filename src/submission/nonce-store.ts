import { YibiaoUsageError } from './errors.js';

/**
 * Remembers the nonces of accepted submissions so that each token is accepted
 * once (SECURITY.md §2 "Replay"). A production store must be atomic across
 * all verifier instances (e.g. `INSERT … ON CONFLICT DO NOTHING` or Redis
 * `SET NX PX`) and must keep each nonce at least until `expiresAt`.
 */
export interface NonceStore {
  /**
   * Records a nonce unless it is already recorded, atomically.
   *
   * @param nonce - the payload's `nonce`.
   * @param expiresAt - after this instant the token is refused anyway, so the nonce may be forgotten.
   * @returns true when the nonce was new (and is now recorded); false for a replay.
   */
  checkAndStore(nonce: string, expiresAt: Date): Promise<boolean>;
}

/** Options of {@link createMemoryNonceStore}. */
export interface MemoryNonceStoreOptions {
  /** The clock used to forget expired nonces; default: `() => new Date()`. */
  readonly now?: () => Date;
}

/** An in-memory {@link NonceStore} that also says how many nonces it holds. */
export interface MemoryNonceStore extends NonceStore {
  /** Number of nonces currently remembered (expired ones are dropped lazily). */
  readonly size: number;
}

/**
 * An in-memory nonce store for tests, the CLI and a single-process verifier.
 * Check-and-store is atomic because it never awaits between the check and the
 * store. Not shared between processes: a cluster needs a database-backed store.
 *
 * @param options - the clock.
 * @returns a new, empty store.
 * @example
 * const nonceStore = createMemoryNonceStore();
 * await verify(token, { forms, nonceStore }); // ok
 * await verify(token, { forms, nonceStore }); // E_REPLAY
 */
export function createMemoryNonceStore(options: MemoryNonceStoreOptions = {}): MemoryNonceStore {
  const now = options.now ?? (() => new Date());
  const seen = new Map<string, number>();
  let nextSweep = 0;

  const sweep = (at: number): void => {
    if (at < nextSweep) return;
    nextSweep = Number.POSITIVE_INFINITY;
    for (const [nonce, expiry] of seen) {
      if (expiry <= at) seen.delete(nonce);
      else nextSweep = Math.min(nextSweep, expiry);
    }
  };

  return {
    get size() {
      sweep(now().getTime());
      return seen.size;
    },
    checkAndStore(nonce, expiresAt) {
      if (typeof nonce !== 'string' || !(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime())) {
        return Promise.reject(new YibiaoUsageError('checkAndStore: "nonce" must be a string and "expiresAt" a valid Date'));
      }
      const at = now().getTime();
      sweep(at);
      const expiry = seen.get(nonce);
      if (expiry !== undefined && expiry > at) return Promise.resolve(false);
      const until = expiresAt.getTime();
      seen.set(nonce, until);
      nextSweep = Math.min(nextSweep, until);
      return Promise.resolve(true);
    },
  };
}
