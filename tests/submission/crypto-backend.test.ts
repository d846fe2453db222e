/**
 * The two ES256 backends — node:crypto (Node's verifier) and WebCrypto (the
 * browser's) — give the same answers on the same keys and tokens.
 */
import { base64url, calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { type CryptoBackend, defaultCryptoBackend } from '../../src/submission/crypto-backend.js';
import { toP256PublicJwk, toSm2PublicJwk } from '../../src/submission/key.js';
import { nodeCryptoBackend } from '../../src/submission/node-crypto-backend.js';
import { splitToken } from '../../src/submission/token-signature.js';
import { webCryptoBackend } from '../../src/submission/web-crypto-backend.js';
import { encoder, joseSubmission, payloadOf, testKey } from './helpers.js';

const node = nodeCryptoBackend();
const backends: readonly CryptoBackend[] = [node as CryptoBackend, webCryptoBackend];

/** Flips one bit of a byte array (a copy). */
function flipped(bytes: Uint8Array, index: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[index] = (copy[index] ?? 0) ^ 1;
  return copy;
}

async function answers(backend: CryptoBackend, jwk: JsonWebKey, signingInput: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const check = await backend.importEs256(toP256PublicJwk(jwk));
  return check(signingInput, signature);
}

describe('crypto backends', () => {
  it('uses node:crypto in Node', () => {
    expect(node?.name).toBe('node');
    expect(defaultCryptoBackend().name).toBe('node');
  });

  it('agree on a valid token and on tampered ones', async () => {
    const key = await testKey();
    const other = await testKey();
    const parts = splitToken(await joseSubmission(payloadOf(), key));
    const input = encoder.encode(parts.signingInput);
    const cases: readonly [string, JsonWebKey, Uint8Array, Uint8Array, boolean][] = [
      ['valid', key.jwk, input, parts.signature, true],
      ['signing input changed', key.jwk, flipped(input, 40), parts.signature, false],
      ['signature changed (r)', key.jwk, input, flipped(parts.signature, 3), false],
      ['signature changed (s)', key.jwk, input, flipped(parts.signature, 60), false],
      ['all-zero signature', key.jwk, input, new Uint8Array(64), false],
      ['all-ones signature (r, s ≥ n)', key.jwk, input, new Uint8Array(64).fill(0xff), false],
      ['another key', other.jwk, input, parts.signature, false],
    ];
    for (const [name, jwk, signingInput, signature, expected] of cases) {
      const got = await Promise.all(backends.map((b) => answers(b, jwk, signingInput, signature)));
      expect(got, name).toEqual([expected, expected]);
    }
  });

  it('both refuse a point that is not on P-256 with E_KEY_INVALID', async () => {
    const { jwk } = await testKey();
    const bad = toP256PublicJwk({ ...jwk, y: base64url.encode(new Uint8Array(32).fill(1)) });
    for (const backend of backends) await expect(backend.importEs256(bad), backend.name).rejects.toMatchObject({ code: 'E_KEY_INVALID' });
  });

  it('compute the RFC 7638 thumbprint jose computes, for P-256 and SM2 keys', async () => {
    const { jwk } = await testKey();
    const sm2 = { kty: 'EC', crv: 'SM2', x: jwk.x, y: jwk.y } as JsonWebKey;
    for (const backend of backends) {
      expect(await backend.thumbprint(toP256PublicJwk(jwk)), backend.name).toBe(await calculateJwkThumbprint(jwk as never));
      expect(await backend.thumbprint(toSm2PublicJwk(sm2)), backend.name).toBe(await calculateJwkThumbprint(sm2 as never));
    }
  });
});
