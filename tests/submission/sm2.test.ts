/**
 * SM3withSM2 (DOMAIN.md §10, SECURITY.md §3 case 22): tokens we sign verify
 * with the independent `sm-crypto` (v1); the verifier accepts SM2 only when
 * allow-listed and refuses every deviation from GB/T 32918 (no Z_A, another
 * user id, malleated s, wrong curve …).
 */
import { base64url } from 'jose';
import smCrypto from 'sm-crypto';
import { sm3 as sm3V2, sm2 as smV2 } from 'sm-crypto-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../src/submission/canonicalize.js';
import { YibiaoUsageError } from '../../src/submission/errors.js';
import { signSubmission } from '../../src/submission/sign.js';
import type { Signer } from '../../src/submission/signer.js';
import { createSm2Signer, generateSm2Jwk } from '../../src/submission/sm2-signer.js';
import { type VerifyFailure, type VerifyOptions, verify } from '../../src/submission/verify.js';
import { cardOnlyData } from './fixture-form.js';
import {
  baseOptions,
  decoder,
  expectByteChangesRejected,
  expectPayloadBitFlipsRejected,
  hex,
  payloadOf,
  rejected as rejectedBy,
  segments,
  sm2PublicHex,
  sm2Signer,
  sm2Token,
  testKey,
  v1Sm2Key,
  v1Sm2Token,
  validToken,
} from './helpers.js';

const SM2_ONLY: Partial<VerifyOptions> = { algorithms: ['SM3withSM2'] };
const BOTH: Partial<VerifyOptions> = { algorithms: ['ES256', 'SM3withSM2'] };

/** sm2p256v1 (GB/T 32918.5-2017), typed in from the standard for the independent Z_A. */
const CURVE = {
  a: 'FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC',
  b: '28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93',
  xG: '32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7',
  yG: 'BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0',
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
};

/** Rejected by a verifier allowing SM2 only, unless `options` say otherwise. */
const rejected = (jws: string, options: Partial<VerifyOptions> = SM2_ONLY): Promise<VerifyFailure> => rejectedBy(jws, options);

const header = (jwk: JsonWebKey, extra: Record<string, unknown> = {}) => ({ alg: 'SM3withSM2', jwk, typ: 'yibiao+jws', ...extra });

let token: string;
let jwk: JsonWebKey;

beforeAll(async () => {
  token = await sm2Token(payloadOf(cardOnlyData()));
  jwk = await (await sm2Signer()).publicJwk();
});

describe('SM3 and the library (DOMAIN.md §10)', () => {
  it('has the GB/T 32905 test vector SM3("abc") in both implementations', () => {
    const expected = '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
    expect(sm3V2('abc')).toBe(expected);
    expect(smCrypto.sm3('abc')).toBe(expected);
  });
});

describe('createSm2Signer and signSubmission', () => {
  it('writes the header {"alg":"SM3withSM2","jwk":{"crv":"SM2",…},"typ":"yibiao+jws"} and a 64-byte r‖s', async () => {
    const [h, p, s] = segments(token);
    expect(decoder.decode(base64url.decode(h))).toBe(
      `{"alg":"SM3withSM2","jwk":{"crv":"SM2","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"},"typ":"yibiao+jws"}`,
    );
    expect(base64url.decode(p)).toEqual(canonicalBytes(payloadOf(cardOnlyData())));
    expect(base64url.decode(s)).toHaveLength(64);
    expect(await (await sm2Signer()).publicJwk()).toEqual({ kty: 'EC', crv: 'SM2', x: jwk.x, y: jwk.y });
  });

  it('verifies with the independent sm-crypto (v1): doVerifySignature(input, sig, pub, { hash: true })', () => {
    const [h, p, s] = segments(token);
    const signature = hex(base64url.decode(s));
    expect(smCrypto.sm2.doVerifySignature(`${h}.${p}`, signature, sm2PublicHex(jwk), { hash: true })).toBe(true);
    expect(smCrypto.sm2.doVerifySignature(`${h}.${p}`, signature, sm2PublicHex(jwk), { hash: true, userId: '1234567812345678' })).toBe(true);
    expect(smCrypto.sm2.doVerifySignature(`${h}.${p}`, signature, sm2PublicHex(jwk), { hash: true, userId: 'ALICE123@YAHOO.COM' })).toBe(false);
    expect(smCrypto.sm2.doVerifySignature(`${h}.${p}`, signature, sm2PublicHex(jwk), { hash: false })).toBe(false);
  });

  it('signs e = SM3(Z_A ‖ M), Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA), ID "1234567812345678", ENTL 0x0080', () => {
    const [h, p, s] = segments(token);
    const id = Buffer.from('1234567812345678', 'ascii');
    expect(id.length * 8).toBe(0x0080);
    const pub = sm2PublicHex(jwk).slice(2);
    const za = smCrypto.sm3([0x00, 0x80, ...id, ...Buffer.from(CURVE.a + CURVE.b + CURVE.xG + CURVE.yG + pub, 'hex')]);
    const e = smCrypto.sm3([...Buffer.from(za, 'hex'), ...Buffer.from(`${h}.${p}`, 'ascii')]);
    // hash: false makes v1 take the given bytes as e itself: this checks the signature against our own e.
    expect(smCrypto.sm2.doVerifySignature([...Buffer.from(e, 'hex')], hex(base64url.decode(s)), sm2PublicHex(jwk), { hash: false })).toBe(true);
  });

  it('accepts a token the independent sm-crypto (v1) signed over our payload', async () => {
    const key = v1Sm2Key();
    const jws = v1Sm2Token(header(key.jwk), canonicalBytes(payloadOf(cardOnlyData())), key);
    expect(await verify(jws, { ...baseOptions, ...SM2_ONLY })).toMatchObject({ ok: true, header: { alg: 'SM3withSM2' } });
  });

  it('makes a fresh key each time, and keeps a given one', async () => {
    const [a, b] = await Promise.all([createSm2Signer(), createSm2Signer()]);
    expect((await a.publicJwk()).x).not.toBe((await b.publicJwk()).x);
    const { privateJwk, publicJwk } = await generateSm2Jwk();
    const signer = await createSm2Signer({ privateJwk });
    expect(await signer.publicJwk()).toEqual(publicJwk);
    const jws = await signSubmission(payloadOf(cardOnlyData()), signer);
    expect(await verify(jws, { ...baseOptions, ...SM2_ONLY, trustedKeys: [publicJwk] })).toMatchObject({ ok: true, authenticity: 'trusted-key' });
  });

  it('refuses a private JWK whose x, y are not d·G, a public JWK, or a P-256 key', async () => {
    const { privateJwk } = await generateSm2Jwk();
    const other = (await generateSm2Jwk()).publicJwk;
    await expect(createSm2Signer({ privateJwk: { ...privateJwk, x: other.x, y: other.y } })).rejects.toThrow(YibiaoUsageError);
    await expect(createSm2Signer({ privateJwk: other })).rejects.toThrow(YibiaoUsageError);
    await expect(createSm2Signer({ privateJwk: { ...(await testKey()).jwk, d: privateJwk.d } })).rejects.toThrow(YibiaoUsageError);
    await expect(createSm2Signer({ privateJwk: { ...privateJwk, d: base64url.encode(new Uint8Array(32)) } })).rejects.toThrow(YibiaoUsageError);
  });

  it('refuses an SM2 signer whose key is P-256, or that returns a DER signature', async () => {
    const real = await sm2Signer();
    const p256: Signer = { alg: 'SM3withSM2', sign: (i) => real.sign(i), publicJwk: async () => (await testKey()).jwk };
    await expect(signSubmission(payloadOf(), p256)).rejects.toThrow(YibiaoUsageError);
    const der: Signer = { alg: 'SM3withSM2', sign: async () => new Uint8Array(71), publicJwk: () => real.publicJwk() };
    await expect(signSubmission(payloadOf(), der)).rejects.toThrow(YibiaoUsageError);
  });
});

describe('verify with SM3withSM2', () => {
  it('accepts an SM2 token only when SM3withSM2 is allow-listed', async () => {
    expect(await verify(token, { ...baseOptions, ...SM2_ONLY })).toMatchObject({ ok: true, authenticity: 'embedded-key' });
    expect(await verify(token, { ...baseOptions, ...BOTH })).toMatchObject({ ok: true });
  });

  it('E_ALG_NOT_ALLOWED for an SM2 token to a default (ES256-only) verifier (case 22)', async () => {
    expect(await rejected(token, {})).toMatchObject({ code: 'E_ALG_NOT_ALLOWED', pointer: '/header/alg' });
    expect(await rejected(token, { algorithms: ['ES256'] })).toMatchObject({ code: 'E_ALG_NOT_ALLOWED' });
  });

  it('E_ALG_NOT_ALLOWED for an ES256 token to an SM2-only verifier', async () => {
    expect(await rejected(await validToken(payloadOf(cardOnlyData())))).toMatchObject({ code: 'E_ALG_NOT_ALLOWED' });
  });

  it.each(['sm3withsm2', 'SM2', 'SM2-SM3', 'GmSM2', 'SM2DSA'])('E_ALG_NOT_ALLOWED for the spelling %s', async (alg) => {
    const [, p, s] = segments(token);
    const h = base64url.encode(JSON.stringify(header(jwk, { alg })));
    expect(await rejected(`${h}.${p}.${s}`, BOTH)).toMatchObject({ code: 'E_ALG_NOT_ALLOWED' });
  });

  it('E_SIG_INVALID for SM2 signed without Z_A (raw input, sm-crypto without hash) (case 22)', async () => {
    const key = v1Sm2Key();
    const raw = v1Sm2Token(header(key.jwk), canonicalBytes(payloadOf(cardOnlyData())), key, { hash: false });
    expect(await rejected(raw)).toMatchObject({ code: 'E_SIG_INVALID' });
    const rawV2 = (() => {
      const [h, p] = segments(v1Sm2Token(header(key.jwk), canonicalBytes(payloadOf(cardOnlyData())), key));
      const signature = smV2.doSignature(`${h}.${p}`, key.privateKey);
      return `${h}.${p}.${base64url.encode(Buffer.from(signature, 'hex'))}`;
    })();
    expect(await rejected(rawV2)).toMatchObject({ code: 'E_SIG_INVALID' });
  });

  it('E_SIG_INVALID for e = SM3(M) without Z_A', async () => {
    const key = v1Sm2Key();
    const [h, p] = segments(v1Sm2Token(header(key.jwk), canonicalBytes(payloadOf(cardOnlyData())), key));
    const e = smCrypto.sm3(`${h}.${p}`);
    const signature = smCrypto.sm2.doSignature([...Buffer.from(e, 'hex')], key.privateKey, { hash: false });
    expect(await rejected(`${h}.${p}.${base64url.encode(Buffer.from(signature, 'hex'))}`)).toMatchObject({ code: 'E_SIG_INVALID' });
  });

  it('E_SIG_INVALID for a user id other than 1234567812345678', async () => {
    const key = v1Sm2Key();
    const jws = v1Sm2Token(header(key.jwk), canonicalBytes(payloadOf(cardOnlyData())), key, { hash: true, userId: 'ALICE123@YAHOO.COM' });
    expect(await rejected(jws)).toMatchObject({ code: 'E_SIG_INVALID' });
  });

  it.each<[string, (r: bigint, s: bigint) => [bigint, bigint]]>([
    ['r = 0', (_r, s) => [0n, s]],
    ['s = 0', (r) => [r, 0n]],
    ['r = n', (_r, s) => [CURVE.n, s]],
    ['s = n', (r) => [r, CURVE.n]],
    ['s = 2^256 − 1', (r) => [r, 2n ** 256n - 1n]],
  ])('E_SIG_INVALID for %s (r and s must be in [1, n − 1], GB/T 32918.2 §7.1)', async (_name, edit) => {
    const [h, p, s] = segments(token);
    const bytes = base64url.decode(s);
    const values = edit(BigInt(`0x${hex(bytes.subarray(0, 32))}`), BigInt(`0x${hex(bytes.subarray(32))}`));
    const sig = values.map((v) => v.toString(16).padStart(64, '0')).join('');
    expect(await rejected(`${h}.${p}.${base64url.encode(Buffer.from(sig, 'hex'))}`)).toMatchObject({ code: 'E_SIG_INVALID' });
  });

  it('E_SIG_INVALID for a zero, empty, DER-length or other-key signature', async () => {
    const [h, p] = segments(token);
    expect(await rejected(`${h}.${p}.${base64url.encode(new Uint8Array(64))}`)).toMatchObject({ code: 'E_SIG_INVALID' });
    expect(await rejected(`${h}.${p}.`)).toMatchObject({ code: 'E_SIG_INVALID' });
    expect(await rejected(`${h}.${p}.${base64url.encode(new Uint8Array(72).fill(1))}`)).toMatchObject({ code: 'E_SIG_INVALID' });
    const key = v1Sm2Key();
    const [, , otherSig] = segments(v1Sm2Token(header(jwk), canonicalBytes(payloadOf(cardOnlyData())), key));
    expect(await rejected(`${h}.${p}.${otherSig}`)).toMatchObject({ code: 'E_SIG_INVALID' });
  });

  it('E_KEY_INVALID for a point off the SM2 curve', async () => {
    const [, p, s] = segments(token);
    const off = { ...jwk, y: base64url.encode(new Uint8Array(32).fill(1)) };
    expect(await rejected(`${base64url.encode(JSON.stringify(header(off)))}.${p}.${s}`)).toMatchObject({ code: 'E_KEY_INVALID' });
  });

  it('E_KEY_INVALID for a P-256 key under SM3withSM2, and an SM2 key under ES256', async () => {
    const [, p, s] = segments(token);
    const p256 = (await testKey()).jwk;
    expect(await rejected(`${base64url.encode(JSON.stringify(header(p256)))}.${p}.${s}`, BOTH)).toMatchObject({
      code: 'E_KEY_INVALID',
      pointer: '/header/jwk/crv',
    });
    const es = base64url.encode(JSON.stringify({ alg: 'ES256', jwk, typ: 'yibiao+jws' }));
    expect(await rejected(`${es}.${p}.${s}`, BOTH)).toMatchObject({ code: 'E_KEY_INVALID', pointer: '/header/jwk/crv' });
  });

  it('E_KEY_UNTRUSTED for an SM2 key not among trustedKeys; trusted-key when it is', async () => {
    expect(await rejected(token, { ...SM2_ONLY, trustedKeys: [(await testKey()).jwk, v1Sm2Key().jwk] })).toMatchObject({
      code: 'E_KEY_UNTRUSTED',
    });
    expect(await verify(token, { ...baseOptions, ...SM2_ONLY, trustedKeys: [jwk] })).toMatchObject({ ok: true, authenticity: 'trusted-key' });
  });

  it('E_SIG_INVALID for any single payload bit flipped (fc)', async () => {
    await expectPayloadBitFlipsRejected(token, { verify: SM2_ONLY, numRuns: 150 });
  });

  it('rejects any single-byte change of an SM2 token (fc)', async () => {
    await expectByteChangesRejected(token, { verify: BOTH, numRuns: 300 });
  });
});
