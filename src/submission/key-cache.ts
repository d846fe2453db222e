import { type CryptoBackend, defaultCryptoBackend, type Es256Check } from './crypto-backend.js';
import type { P256PublicJwk, PublicJwk } from './key.js';
import { LruCache } from './lru-cache.js';

/** How many keys the verifier keeps imported: a device key signs every submission and retry of its holder. */
export const KEY_CACHE_CAPACITY = 512;

interface Entry {
  es256?: Promise<Es256Check>;
  thumbprint?: Promise<string>;
}

/**
 * Imported keys and their RFC 7638 thumbprints, by curve and coordinates
 * (the checked JWK's `crv`, `x`, `y`: one key, one spelling), least recently
 * used forgotten first. A failed import is not kept, so it is retried (and
 * refused) each time. Concurrent verifications of one key share one import.
 */
export class KeyCache {
  readonly #entries: LruCache<string, Entry>;

  /**
   * @param backend - the cryptography that imports keys and hashes thumbprints.
   * @param capacity - the most keys kept.
   */
  constructor(
    readonly backend: CryptoBackend,
    capacity: number = KEY_CACHE_CAPACITY,
  ) {
    this.#entries = new LruCache(capacity);
  }

  /** How many keys are held. */
  get size(): number {
    return this.#entries.size;
  }

  /** The job `field` of a key's entry, started by `make` unless held; a rejected job is not kept. */
  #remember<F extends keyof Entry>(jwk: PublicJwk, field: F, make: () => NonNullable<Entry[F]>): NonNullable<Entry[F]> {
    const id = `${jwk.crv}.${jwk.x}.${jwk.y}`;
    let entry = this.#entries.get(id);
    if (entry === undefined) {
      entry = {};
      this.#entries.set(id, entry);
    }
    const held = entry[field];
    if (held !== undefined) return held as NonNullable<Entry[F]>;
    const pending = make();
    const slot = entry;
    slot[field] = pending;
    pending.catch(() => {
      if (slot[field] === pending) delete slot[field];
    });
    return pending;
  }

  /**
   * The ES256 check of a P-256 key, imported once.
   *
   * @param jwk - a checked P-256 public JWK.
   * @returns the check.
   * @throws {YibiaoVerifyError} `E_KEY_INVALID` (as a rejection) for a point not on the curve.
   */
  es256(jwk: P256PublicJwk): Promise<Es256Check> {
    return this.#remember(jwk, 'es256', () => this.backend.importEs256(jwk));
  }

  /**
   * The RFC 7638 thumbprint of a key, computed once.
   *
   * @param jwk - a checked public JWK of either curve.
   * @returns 43 base64url characters.
   */
  thumbprint(jwk: PublicJwk): Promise<string> {
    return this.#remember(jwk, 'thumbprint', () => this.backend.thumbprint(jwk));
  }
}

let shared: KeyCache | undefined;

/**
 * The verifier's cache, on this platform's backend ({@link defaultCryptoBackend}).
 *
 * @returns the one cache of this module instance.
 */
export function defaultKeyCache(): KeyCache {
  shared ??= new KeyCache(defaultCryptoBackend());
  return shared;
}
