import { YibiaoVerifyError } from './errors.js';
import { parseSubmissionHeader, type SubmissionHeader } from './header.js';
import { LruCache } from './lru-cache.js';

/** How many distinct protected headers the verifier remembers (one per device key, binding included). */
export const HEADER_CACHE_CAPACITY = 512;

/** A copy the caller may change without changing the cached header. */
function copyOf(header: SubmissionHeader): SubmissionHeader {
  return { ...header, jwk: { ...header.jwk } } as SubmissionHeader;
}

/**
 * Parsed protected headers by their base64url segment, least recently used
 * forgotten first. `parseSubmissionHeader` is a pure function of the bytes
 * and the allow-list, and the allow-list only decides its first check (`alg`),
 * so a remembered header needs that check alone: a device key signs every
 * submission of its holder with the same header. Only accepted headers are
 * kept, so every refusal still comes from `parseSubmissionHeader` itself.
 */
export class HeaderCache {
  readonly #entries: LruCache<string, SubmissionHeader>;

  /** @param capacity - the most headers kept. */
  constructor(capacity: number = HEADER_CACHE_CAPACITY) {
    this.#entries = new LruCache(capacity);
  }

  /** How many headers are held. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * What `parseSubmissionHeader(bytes, algorithms)` answers.
   *
   * @param segment - the header's base64url segment, exactly as in the token.
   * @param bytes - the segment, decoded.
   * @param algorithms - the allow-list.
   * @returns the header (a fresh copy).
   * @throws {YibiaoVerifyError} as `parseSubmissionHeader`.
   */
  parse(segment: string, bytes: Uint8Array, algorithms: ReadonlySet<string>): SubmissionHeader {
    const known = this.#entries.get(segment);
    if (known !== undefined) {
      if (!algorithms.has(known.alg)) throw new YibiaoVerifyError('E_ALG_NOT_ALLOWED', { pointer: '/header/alg' });
      return copyOf(known);
    }
    const header = parseSubmissionHeader(bytes, algorithms);
    this.#entries.set(segment, copyOf(header));
    return header;
  }
}

let shared: HeaderCache | undefined;

/**
 * The verifier's header cache.
 *
 * @returns the one cache of this module instance.
 */
export function defaultHeaderCache(): HeaderCache {
  shared ??= new HeaderCache();
  return shared;
}
