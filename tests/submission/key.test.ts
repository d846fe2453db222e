import { base64url, calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { YibiaoVerifyError } from '../../src/submission/errors.js';
import {
  algorithmOfJwk,
  importP256PublicKey,
  isSignatureAlgorithm,
  jwkThumbprint,
  toP256PublicJwk,
  toPublicJwk,
  toSm2PublicJwk,
} from '../../src/submission/key.js';
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
  it('knows ES256 and SM3withSM2, case-sensitively, and nothing else', () => {
    expect(isSignatureAlgorithm('ES256')).toBe(true);
    expect(isSignatureAlgorithm('SM3withSM2')).toBe(true);
    for (const alg of ['es256', 'ES384', 'none', 'sm3withsm2', 'SM2', 'GmSM2', 'SM2DSA', 'HS256']) expect(isSignatureAlgorithm(alg)).toBe(false);
  });
});

describe('SM2 public JWKs', () => {
  const sm2 = { kty: 'EC', crv: 'SM2', x: base64url.encode(new Uint8Array(32).fill(1)), y: base64url.encode(new Uint8Array(32).fill(2)) };

  it('keeps only kty, crv, x and y of an SM2 key, tolerating alg SM3withSM2', () => {
    expect(toSm2PublicJwk({ ...sm2, kid: 'k', alg: 'SM3withSM2', use: 'sig' })).toEqual(sm2);
    expect(toPublicJwk(sm2)).toEqual(sm2);
  });

  it.each<[string, unknown]>([
    ['a P-256 key', 'p256'],
    ['alg ES256', { ...sm2, alg: 'ES256' }],
    ['a private key', { ...sm2, d: 'AAAA' }],
    ['a 31-byte coordinate', { ...sm2, x: base64url.encode(new Uint8Array(31)) }],
    ['crv sm2 in lower case', { ...sm2, crv: 'sm2' }],
  ])('refuses %s as an SM2 key with E_KEY_INVALID', async (_name, value) => {
    const jwk = value === 'p256' ? (await testKey()).jwk : value;
    expect(() => toSm2PublicJwk(jwk)).toThrow(YibiaoVerifyError);
  });

  it('pins the curve to the algorithm when one is given', async () => {
    const { jwk } = await testKey();
    expect(() => toPublicJwk(sm2, '/jwk', 'ES256')).toThrow(YibiaoVerifyError);
    expect(() => toPublicJwk(jwk, '/jwk', 'SM3withSM2')).toThrow(YibiaoVerifyError);
    expect(algorithmOfJwk(toPublicJwk(sm2))).toBe('SM3withSM2');
    expect(algorithmOfJwk(toPublicJwk(jwk))).toBe('ES256');
  });

  it('has the RFC 7638 thumbprint over crv SM2', async () => {
    expect(await jwkThumbprint(toSm2PublicJwk(sm2))).toBe(await calculateJwkThumbprint(sm2 as never));
  });
});
