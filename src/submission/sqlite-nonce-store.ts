/**
 * A {@link NonceStore} in SQLite, for verifiers that run as several processes
 * on one host (or restart): Node only, through `better-sqlite3`. Not exported
 * from the browser-safe `src/submission/index.ts`; import it from the Node
 * API (`src/index.ts`).
 */
import Database from 'better-sqlite3';
import { YibiaoUsageError } from './errors.js';
import type { NonceStore } from './nonce-store.js';

/** Nonces are kept at least this long, in seconds: 25 h (SECURITY.md §2 "Replay, skew"). */
export const MIN_NONCE_RETENTION_SECONDS = 25 * 60 * 60;

/** Options of {@link createSqliteNonceStore}. */
export interface SqliteNonceStoreOptions {
  /**
   * The database file; created when missing. Every verifier process that must
   * see the others' nonces opens the same file. Ignored when `database` is given.
   */
  readonly filename?: string;
  /** An open `better-sqlite3` connection to use instead (it is not closed by `close()`). */
  readonly database?: Database.Database;
  /** Table name (letters, digits, `_`); default `yibiao_nonces`. */
  readonly table?: string;
  /** Shortest retention, in seconds; at least (and by default) 25 h. */
  readonly retentionSeconds?: number;
  /** How often `checkAndStore` also purges expired rows, in seconds; default 3600. */
  readonly purgeIntervalSeconds?: number;
  /** The clock; default: `() => new Date()`. */
  readonly now?: () => Date;
}

/** A nonce store backed by a SQLite table. */
export interface SqliteNonceStore extends NonceStore {
  /** Number of unexpired nonces. */
  readonly size: number;
  /**
   * Deletes every expired row.
   *
   * @returns the number of rows deleted.
   */
  purgeExpired(): number;
  /** Closes the connection if the store opened it. */
  close(): void;
}

const TABLE = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function positiveInteger(value: number | undefined, fallback: number, name: string, minimum: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new YibiaoUsageError(`createSqliteNonceStore: "${name}" must be an integer ≥ ${minimum}`);
  }
  return value;
}

/**
 * Creates a nonce store in a SQLite table `(nonce TEXT PRIMARY KEY,
 * expires_at INTEGER)`, milliseconds since the epoch.
 *
 * `checkAndStore` is one `BEGIN IMMEDIATE` transaction: it deletes the same
 * nonce if its row has expired, then `INSERT … ON CONFLICT(nonce) DO NOTHING`
 * and reads the changes count — 1: the nonce was new, 0: a replay. SQLite's
 * write lock makes this atomic across connections and processes. Each nonce is
 * kept until `max(expiresAt, now + 25 h)`; expired rows are purged every
 * `purgeIntervalSeconds` and by `purgeExpired()`. A file database is put in
 * WAL mode with a 5 s busy timeout, so concurrent verifiers wait instead of
 * failing.
 *
 * @param options - the file or connection, the table, retention, clock.
 * @returns the store.
 * @throws {YibiaoUsageError} for bad options; `better-sqlite3` errors when the file cannot be opened.
 * @example
 * const nonceStore = createSqliteNonceStore({ filename: '/var/lib/yibiao/nonces.db' });
 * const verdict = await verify(token, { forms, nonceStore });
 */
export function createSqliteNonceStore(options: SqliteNonceStoreOptions = {}): SqliteNonceStore {
  if (options === null || typeof options !== 'object') throw new YibiaoUsageError('createSqliteNonceStore: "options" must be an object');
  const table = options.table ?? 'yibiao_nonces';
  if (!TABLE.test(table)) throw new YibiaoUsageError('createSqliteNonceStore: "table" must be letters, digits and _');
  const retentionMs =
    positiveInteger(options.retentionSeconds, MIN_NONCE_RETENTION_SECONDS, 'retentionSeconds', MIN_NONCE_RETENTION_SECONDS) * 1000;
  const purgeEveryMs = positiveInteger(options.purgeIntervalSeconds, 3600, 'purgeIntervalSeconds', 1) * 1000;
  const now = options.now ?? (() => new Date());
  if (options.database === undefined && (typeof options.filename !== 'string' || options.filename === '')) {
    throw new YibiaoUsageError('createSqliteNonceStore: give "filename" or "database"');
  }
  const owned = options.database === undefined;
  const db = options.database ?? new Database(options.filename as string);
  if (owned) {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
  }
  db.exec(
    `CREATE TABLE IF NOT EXISTS "${table}" (nonce TEXT PRIMARY KEY NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID;
     CREATE INDEX IF NOT EXISTS "${table}_expires_at" ON "${table}" (expires_at);`,
  );
  const dropExpired = db.prepare(`DELETE FROM "${table}" WHERE nonce = ? AND expires_at <= ?`);
  const insert = db.prepare(`INSERT INTO "${table}" (nonce, expires_at) VALUES (?, ?) ON CONFLICT (nonce) DO NOTHING`);
  const purge = db.prepare(`DELETE FROM "${table}" WHERE expires_at <= ?`);
  const count = db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE expires_at > ?`).pluck();
  const store = db.transaction((nonce: string, at: number, until: number): boolean => {
    dropExpired.run(nonce, at);
    return insert.run(nonce, until).changes === 1;
  });
  let nextPurge = 0;

  const purgeExpired = (): number => purge.run(now().getTime()).changes;

  return {
    get size() {
      return Number(count.get(now().getTime()));
    },
    checkAndStore(nonce, expiresAt) {
      if (typeof nonce !== 'string' || !(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime())) {
        return Promise.reject(new YibiaoUsageError('checkAndStore: "nonce" must be a string and "expiresAt" a valid Date'));
      }
      try {
        const at = now().getTime();
        if (at >= nextPurge) {
          purge.run(at);
          nextPurge = at + purgeEveryMs;
        }
        // Kept ≥ 25 h even if the caller's expiry is earlier: a verifier with a larger skew or age may still accept.
        const until = Math.max(expiresAt.getTime(), at + retentionMs);
        return Promise.resolve(store.immediate(nonce, at, until));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    purgeExpired,
    close() {
      if (owned && db.open) db.close();
    },
  };
}
