import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import type { CryptoBackend } from '../../src/submission/crypto-backend.js';
import { type P256PublicJwk, toP256PublicJwk } from '../../src/submission/key.js';
import { KEY_CACHE_CAPACITY, KeyCache } from '../../src/submission/key-cache.js';
import { nodeCryptoBackend } from '../../src/submission/node-crypto-backend.js';
import { webCryptoBackend } from '../../src/submission/web-crypto-backend.js';
import { testKey } from './helpers.js';

/** A real backend that counts its imports and thumbprints. */
function counting(backend: CryptoBackend): CryptoBackend & { imports: number; hashes: number } {
  const counted = {
    name: backend.name,
    imports: 0,
    hashes: 0,
    importEs256(jwk: P256PublicJwk) {
      counted.imports += 1;
      return backend.importEs256(jwk);
    },
    thumbprint(jwk: P256PublicJwk) {
      counted.hashes += 1;
      return backend.thumbprint(jwk);
    },
  };
  return counted;
}

async function p256(): Promise<P256PublicJwk> {
  return toP256PublicJwk((await testKey()).jwk);
}

describe.each([
  ['node', nodeCryptoBackend() as CryptoBackend],
  ['webcrypto', webCryptoBackend],
])('KeyCache on %s', (_name, backend) => {
  it('imports a key and hashes its thumbprint once, however often it is used', async () => {
    const counted = counting(backend);
    const cache = new KeyCache(counted);
    const jwk = await p256();
    const [a, b] = await Promise.all([cache.es256(jwk), cache.es256({ ...jwk })]);
    expect(a).toBe(b);
    expect(await cache.thumbprint(jwk)).toBe(await cache.thumbprint({ ...jwk }));
    expect([counted.imports, counted.hashes]).toEqual([1, 1]);
  });

  it('tells keys apart by their coordinates', async () => {
    const cache = new KeyCache(backend);
    const [one, two] = [await p256(), await p256()];
    expect(await cache.thumbprint(one)).not.toBe(await cache.thumbprint(two));
    expect(await cache.es256(one)).not.toBe(await cache.es256(two));
    expect(cache.size).toBe(2);
  });

  it('holds at most its capacity, forgetting the least recently used key', async () => {
    const counted = counting(backend);
    const cache = new KeyCache(counted, 2);
    const [a, b, c] = [await p256(), await p256(), await p256()];
    await cache.es256(a);
    await cache.es256(b);
    await cache.es256(a);
    await cache.es256(c);
    expect(cache.size).toBe(2);
    expect(counted.imports).toBe(3);
    await cache.es256(a);
    expect(counted.imports).toBe(3);
    await cache.es256(b);
    expect(counted.imports).toBe(4);
  });

  it('does not keep a failed import: a key off the curve is refused every time', async () => {
    const counted = counting(backend);
    const cache = new KeyCache(counted);
    const jwk = await p256();
    const bad = { ...jwk, y: base64url.encode(new Uint8Array(32).fill(1)) };
    await expect(cache.es256(bad)).rejects.toMatchObject({ code: 'E_KEY_INVALID' });
    await expect(cache.es256(bad)).rejects.toMatchObject({ code: 'E_KEY_INVALID' });
    expect(counted.imports).toBe(2);
  });
});

describe('KEY_CACHE_CAPACITY', () => {
  it('is small and bounded', () => {
    expect(KEY_CACHE_CAPACITY).toBeGreaterThan(0);
    expect(KEY_CACHE_CAPACITY).toBeLessThanOrEqual(4096);
  });
});
