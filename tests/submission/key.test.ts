import { base64url, calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { YibiaoVerifyError } from '../../src/submission/errors.js';
import { importP256PublicKey, isSignatureAlgorithm, jwkThumbprint, toP256PublicJwk } from '../../src/submission/key.js';
import { testKey } from './helpers.js';

describe('toP256PublicJwk', () => {
  it('keeps only kty, crv, x and y', async () => {
    const { jwk } = await testKey();
    expect(toP256PublicJwk({ ...jwk, kid: 'a', use: 'sig', alg: 'ES256', key_ops: ['verify'], ext: true })).toEqual(jwk);
  });

  it.each<[string, (jwk: JsonWebKey) => unknown]>([
    ['a private key', (jwk) => ({ ...jwk, d: 'AAAA' })],
    ['an unknown member', (jwk) => ({ ...jwk, x5u: 'https://x' })],
    ['another curve', (jwk) => ({ ...jwk, crv: 'secp256k1' })],
    ['a padded coordinate', (jwk) => ({ ...jwk, x: `${jwk.x}=` })],
    ['a 33-byte coordinate', (jwk) => ({ ...jwk, y: base64url.encode(new Uint8Array(33)) })],
    ['key_ops for signing', (jwk) => ({ ...jwk, key_ops: ['sign'] })],
    ['null', () => null],
    ['an array', () => []],
  ])('refuses %s with E_KEY_INVALID', async (_name, make) => {
    const { jwk } = await testKey();
    expect(() => toP256PublicJwk(make(jwk))).toThrow(YibiaoVerifyError);
  });
});

describe('importP256PublicKey', () => {
  it('imports a verify-only ECDSA P-256 CryptoKey', async () => {
    const { jwk } = await testKey();
    const key = await importP256PublicKey(toP256PublicJwk(jwk));
    expect(key.type).toBe('public');
    expect(key.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(key.usages).toEqual(['verify']);
  });

  it('refuses a point that is not on the curve', async () => {
    const { jwk } = await testKey();
    const bad = toP256PublicJwk({ ...jwk, y: jwk.x });
    await expect(importP256PublicKey(bad)).rejects.toMatchObject({ code: 'E_KEY_INVALID' });
  });
});

describe('jwkThumbprint', () => {
  it('is the RFC 7638 thumbprint jose computes', async () => {
    const { jwk } = await testKey();
    expect(await jwkThumbprint(toP256PublicJwk(jwk))).toBe(await calculateJwkThumbprint(jwk as never));
  });
});

describe('isSignatureAlgorithm', () => {
  it('is case-sensitive and ES256-only in this version', () => {
    expect(isSignatureAlgorithm('ES256')).toBe(true);
    for (const alg of ['es256', 'ES384', 'none', 'SM3withSM2', 'HS256']) expect(isSignatureAlgorithm(alg)).toBe(false);
  });
});
