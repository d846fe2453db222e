import type { CryptoBackend } from './crypto-backend.js';
import { YibiaoVerifyError } from './errors.js';
import type { PublicJwk } from './key.js';
import { type NodeBuiltins, nodeBuiltin } from './node-builtin.js';

/**
 * RFC 7638: the required members of an EC key, in lexicographic order, with
 * no whitespace. `x` and `y` are checked base64url, so nothing needs escaping.
 */
function thumbprintInput(jwk: PublicJwk): string {
  return JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
}

/**
 * Per-key cryptography with node:crypto: ES256 with the one-shot, synchronous
 * `crypto.verify` (`dsaEncoding: 'ieee-p1363'`, i.e. JWS's `r‖s`) on a
 * `KeyObject`, and the thumbprint with `createHash`. Neither leaves the
 * JavaScript thread, unlike WebCrypto's jobs on libuv's thread pool.
 *
 * @returns the backend, or undefined when node:crypto is not available.
 */
export function nodeCryptoBackend(): CryptoBackend | undefined {
  const crypto = nodeBuiltin('node:crypto');
  if (typeof crypto?.verify !== 'function' || typeof crypto.createPublicKey !== 'function') return undefined;
  const backend: CryptoBackend = {
    name: 'node',
    async importEs256(jwk) {
      let key: ReturnType<NodeBuiltins['node:crypto']['createPublicKey']>;
      try {
        // OpenSSL refuses a point that is not on the curve.
        key = crypto.createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, format: 'jwk' });
      } catch (cause) {
        throw new YibiaoVerifyError('E_KEY_INVALID', { pointer: '/jwk', detail: 'not a point on P-256', cause });
      }
      if (key.type !== 'public' || key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
        throw new YibiaoVerifyError('E_KEY_INVALID', { pointer: '/jwk', detail: 'not an ECDSA P-256 key' });
      }
      const options = { key, dsaEncoding: 'ieee-p1363' } as const;
      return (signingInput: Uint8Array, signature: Uint8Array) => crypto.verify('sha256', signingInput, options, signature);
    },
    async thumbprint(jwk) {
      return crypto.createHash('sha256').update(thumbprintInput(jwk)).digest('base64url');
    },
  };
  return Object.freeze(backend);
}
