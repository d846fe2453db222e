import { compactVerify, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { YibiaoUsageError } from '../../src/submission/errors.js';
import { signSubmission } from '../../src/submission/sign.js';
import { createDeviceSigner, generateEs256Jwk, signerFromKeyPair, signerFromPrivateJwk } from '../../src/submission/signer.js';
import { generateSm2Jwk } from '../../src/submission/sm2-signer.js';
import { encoder, payloadOf } from './helpers.js';

describe('createDeviceSigner', () => {
  it('makes an ES256 signer whose private key cannot be exported', async () => {
    const signer = await createDeviceSigner();
    expect(signer.alg).toBe('ES256');
    expect(signer.keyPair.privateKey.extractable).toBe(false);
    await expect(globalThis.crypto.subtle.exportKey('jwk', signer.keyPair.privateKey)).rejects.toThrow();
    await expect(globalThis.crypto.subtle.exportKey('pkcs8', signer.keyPair.privateKey)).rejects.toThrow();
  });

  it('exports only the public members of its key', async () => {
    const jwk = await (await createDeviceSigner()).publicJwk();
    expect(Object.keys(jwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
  });

  it('returns the 64-byte r‖s signature that verifies with WebCrypto', async () => {
    const signer = await createDeviceSigner();
    const input = encoder.encode('header.payload');
    const signature = await signer.sign(input);
    expect(signature).toBeInstanceOf(Uint8Array);
    expect(signature).toHaveLength(64);
    const ok = await globalThis.crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      signer.keyPair.publicKey,
      signature as Uint8Array<ArrayBuffer>,
      input,
    );
    expect(ok).toBe(true);
  });

  it('makes a new key each time', async () => {
    const [a, b] = await Promise.all([createDeviceSigner(), createDeviceSigner()]);
    expect((await a.publicJwk()).x).not.toBe((await b.publicJwk()).x);
  });
});

describe('signerFromKeyPair', () => {
  it('refuses a key pair that is not ECDSA P-256', async () => {
    const p384 = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, false, ['sign', 'verify']);
    expect(() => signerFromKeyPair(p384)).toThrow(YibiaoUsageError);
    const hmac = (await globalThis.crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])) as CryptoKey;
    expect(() => signerFromKeyPair({ privateKey: hmac, publicKey: hmac })).toThrow(YibiaoUsageError);
  });
});

describe('signerFromPrivateJwk and generateEs256Jwk (server-side ES256)', () => {
  it('signs with an imported private JWK; jose verifies with the public JWK', async () => {
    const { privateJwk, publicJwk } = await generateEs256Jwk();
    expect(Object.keys(privateJwk).sort()).toEqual(['crv', 'd', 'kty', 'x', 'y']);
    expect(publicJwk).toEqual({ kty: 'EC', crv: 'P-256', x: privateJwk.x, y: privateJwk.y });
    const signer = await signerFromPrivateJwk(privateJwk);
    expect(signer.alg).toBe('ES256');
    expect(signer.keyPair.privateKey.extractable).toBe(false);
    const token = await signSubmission(payloadOf(), signer);
    await expect(compactVerify(token, await importJWK(publicJwk, 'ES256'), { algorithms: ['ES256'] })).resolves.toBeDefined();
  });

  it('refuses a public JWK, x and y of another key, an SM2 key and junk', async () => {
    const { privateJwk, publicJwk } = await generateEs256Jwk();
    const other = (await generateEs256Jwk()).publicJwk;
    await expect(signerFromPrivateJwk(publicJwk)).rejects.toThrow(YibiaoUsageError);
    await expect(signerFromPrivateJwk({ ...privateJwk, x: other.x, y: other.y })).rejects.toThrow(YibiaoUsageError);
    await expect(signerFromPrivateJwk((await generateSm2Jwk()).privateJwk)).rejects.toThrow(YibiaoUsageError);
    await expect(signerFromPrivateJwk({ ...privateJwk, d: 'AAAA' })).rejects.toThrow(YibiaoUsageError);
  });
});
