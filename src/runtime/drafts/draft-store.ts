import { type IDBPDatabase, openDB } from 'idb';
import type { DraftRecord } from './draft-crypto.js';

/** The IndexedDB database of drafts: one per origin, shared by every form on it. */
export const DRAFT_DB_NAME = 'yibiao-drafts';
const KEYS = 'keys';
const DRAFTS = 'drafts';
const KEY_ID = 'aes-256-gcm';

/** Why drafts cannot be kept on this device. */
export class DraftsUnavailableError extends Error {
  override readonly name = 'DraftsUnavailableError';
  /** `E_DRAFT_KEY_NOT_STORABLE` (structured clone of a CryptoKey refused), `E_DRAFT_NO_STORAGE` (no IndexedDB). */
  readonly code: 'E_DRAFT_KEY_NOT_STORABLE' | 'E_DRAFT_NO_STORAGE';

  constructor(code: DraftsUnavailableError['code'], cause?: unknown) {
    super(code, cause === undefined ? undefined : { cause });
    this.code = code;
  }
}

function isKey(value: unknown): value is CryptoKey {
  return (
    typeof CryptoKey !== 'undefined' &&
    value instanceof CryptoKey &&
    value.extractable === false &&
    value.algorithm.name === 'AES-GCM' &&
    (value.algorithm as AesKeyAlgorithm).length === 256
  );
}

/**
 * The draft storage of one element: an AES-256-GCM key that is generated
 * non-extractable and stored as a `CryptoKey` object (never as bytes), and
 * the encrypted records, by id.
 */
export class DraftStore {
  #db: Promise<IDBPDatabase> | undefined;
  #key: Promise<CryptoKey> | undefined;

  #open(): Promise<IDBPDatabase> {
    this.#db ??= (async () => {
      if (typeof indexedDB === 'undefined') throw new DraftsUnavailableError('E_DRAFT_NO_STORAGE');
      try {
        return await openDB(DRAFT_DB_NAME, 1, {
          upgrade(db) {
            db.createObjectStore(KEYS);
            db.createObjectStore(DRAFTS);
          },
        });
      } catch (error) {
        throw new DraftsUnavailableError('E_DRAFT_NO_STORAGE', error);
      }
    })();
    return this.#db;
  }

  /**
   * The draft key: the stored one, or a new one that is stored first. When the
   * browser cannot store a `CryptoKey` (DataCloneError), there is no key and no
   * draft: a key that lives only in memory would leave drafts nobody can open,
   * and storing its bytes would defeat `extractable: false`.
   *
   * @throws {DraftsUnavailableError} when the key cannot be stored.
   */
  key(): Promise<CryptoKey> {
    this.#key ??= (async () => {
      const db = await this.#open();
      const stored: unknown = await db.get(KEYS, KEY_ID);
      if (isKey(stored)) return stored;
      const key = await globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      try {
        const tx = db.transaction(KEYS, 'readwrite');
        // Another element may have stored one meanwhile: theirs wins, so both read the same drafts.
        const raced: unknown = await tx.store.get(KEY_ID);
        if (isKey(raced)) {
          await tx.done;
          return raced;
        }
        await tx.store.put(key, KEY_ID);
        await tx.done;
      } catch (error) {
        throw new DraftsUnavailableError('E_DRAFT_KEY_NOT_STORABLE', error);
      }
      return key;
    })();
    this.#key.catch(() => {
      this.#key = undefined;
    });
    return this.#key;
  }

  /** The record stored under `id`, if it is well-formed. */
  async get(id: string): Promise<DraftRecord | undefined> {
    const value: unknown = await (await this.#open()).get(DRAFTS, id);
    if (value === null || typeof value !== 'object') return undefined;
    const r = value as Partial<DraftRecord>;
    if (!(r.iv instanceof Uint8Array) || !(r.ciphertext instanceof ArrayBuffer) || typeof r.savedAt !== 'number' || typeof r.expiresAt !== 'number') {
      return undefined;
    }
    return r as DraftRecord;
  }

  async put(id: string, record: DraftRecord): Promise<void> {
    await (await this.#open()).put(DRAFTS, record, id);
  }

  async delete(id: string): Promise<void> {
    await (await this.#open()).delete(DRAFTS, id);
  }

  /** Closes the connection (the element left the page). */
  close(): void {
    const db = this.#db;
    this.#db = undefined;
    this.#key = undefined;
    db?.then((d) => d.close()).catch(() => undefined);
  }
}
