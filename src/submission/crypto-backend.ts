/**
 * The cryptography the verifier needs per key, behind one small interface so
 * that Node can use its native one-shot `crypto.verify` (no hop to libuv's
 * thread pool, which WebCrypto's promise jobs take) while the browser keeps
 * WebCrypto. Both are checked to agree on the same tokens
 * (tests/submission/crypto-backend.test.ts).
 */
import type { P256PublicJwk, PublicJwk } from './key.js';
import { nodeCryptoBackend } from './node-crypto-backend.js';
import { webCryptoBackend } from './web-crypto-backend.js';

/**
 * Checks an ES256 signature (`r‖s`, 64 bytes) over the signing input with one
 * imported P-256 key. Answers false for a signature that does not verify.
 */
export type Es256Check = (signingInput: Uint8Array, signature: Uint8Array) => boolean | Promise<boolean>;

/** One implementation of the per-key cryptography. */
export interface CryptoBackend {
  /** `node`: node:crypto, synchronous; `webcrypto`: `crypto.subtle`. */
  readonly name: 'node' | 'webcrypto';
  /**
   * Imports a P-256 public key for ES256 verification; refuses a point that
   * is not on the curve.
   *
   * @throws {YibiaoVerifyError} `E_KEY_INVALID` (as a rejection).
   */
  importEs256(jwk: P256PublicJwk): Promise<Es256Check>;
  /** The RFC 7638 thumbprint (SHA-256, base64url) of a checked public key. */
  thumbprint(jwk: PublicJwk): Promise<string>;
}

let selected: CryptoBackend | undefined;

/**
 * The backend of this platform: node:crypto when the host is Node (found at
 * run time, see ./node-builtin.ts, so a browser bundle neither contains nor
 * asks for a Node module), else WebCrypto. Chosen once.
 *
 * @returns the backend.
 */
export function defaultCryptoBackend(): CryptoBackend {
  selected ??= nodeCryptoBackend() ?? webCryptoBackend;
  return selected;
}
