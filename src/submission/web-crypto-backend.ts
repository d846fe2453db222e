import type { CryptoBackend } from './crypto-backend.js';
import { importP256PublicKey, jwkThumbprint } from './key.js';

const ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

const backend: CryptoBackend = {
  name: 'webcrypto',
  async importEs256(jwk) {
    const key = await importP256PublicKey(jwk);
    return (signingInput: Uint8Array, signature: Uint8Array) =>
      globalThis.crypto.subtle.verify(ES256, key, signature as Uint8Array<ArrayBuffer>, signingInput as Uint8Array<ArrayBuffer>);
  },
  thumbprint: jwkThumbprint,
};

/**
 * Per-key cryptography with WebCrypto (`crypto.subtle`), for browsers and
 * any host without node:crypto. The key is imported through jose
 * (`importP256PublicKey`), the thumbprint computed by jose.
 */
export const webCryptoBackend: CryptoBackend = Object.freeze(backend);
