/**
 * Hostile tokens (SECURITY.md §2 "alg none, HS256 confusion", "`jwk`/`jku`/
 * `x5u`, key substitution", "Canonical bytes", §3 cases 12–17 and 22). Each
 * case restates, under its own name, what tests/submission/verify.adversarial
 * .test.ts covers in more variants, so docs/security.md can map case → test.
 */
import { base64url } from 'jose';
import { sm2 } from 'sm-crypto-v2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalBytes } from '../../src/submission/canonicalize.js';
import { verify } from '../../src/submission/verify.js';
import { cardOnlyData } from '../submission/fixture-form.js';
import {
  baseOptions,
  decoder,
  encoder,
  encodeSegment,
  expectPayloadBitFlipsRejected,
  joseSubmission,
  joseToken,
  payloadOf,
  rejected,
  segments,
  tokenAttack,
} from '../submission/helpers.js';
import { fuzzRuns } from './helpers.js';

const RUNS = fuzzRuns(200);

const { key, attacker, token, header } = await tokenAttack();

afterEach(() => {
  vi.restoreAllMocks();
});

const payloadBytes = () => canonicalBytes(payloadOf(cardOnlyData()));

describe('case 12: alg none', () => {
  it.each(['none', 'nOnE', 'NONE'])('alg %s with an empty signature → E_ALG_NOT_ALLOWED', async (alg) => {
    const [, p] = segments(token);
    expect(await rejected(`${encodeSegment({ alg, typ: 'yibiao+jws' })}.${p}.`)).toMatchObject({ code: 'E_ALG_NOT_ALLOWED', pointer: '/header/alg' });
  });

  it('alg none carrying our key and our valid signature → E_ALG_NOT_ALLOWED', async () => {
    const [, p, s] = segments(token);
    expect(await rejected(`${encodeSegment(header({ alg: 'none' }))}.${p}.${s}`)).toMatchObject({ code: 'E_ALG_NOT_ALLOWED' });
  });
});

describe('case 13: HS256 keyed with our public key', () => {
  const hs = (secret: Uint8Array) => joseToken({ alg: 'HS256', typ: 'yibiao+jws', jwk: key.jwk }, payloadBytes(), secret);

  it('as DER (SPKI) → E_ALG_NOT_ALLOWED', async () => {
    const der = new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', key.publicKey));
    expect(await rejected(await hs(der))).toMatchObject({ code: 'E_ALG_NOT_ALLOWED' });
  });

  it('as PEM → E_ALG_NOT_ALLOWED', async () => {
    const der = new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', key.publicKey));
    const pem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(der).toString('base64')}\n-----END PUBLIC KEY-----\n`;
    expect(await rejected(await hs(encoder.encode(pem)))).toMatchObject({ code: 'E_ALG_NOT_ALLOWED' });
  });

  it('as JWK text → E_ALG_NOT_ALLOWED', async () => {
    expect(await rejected(await hs(encoder.encode(JSON.stringify(key.jwk))))).toMatchObject({ code: 'E_ALG_NOT_ALLOWED' });
  });

  it('HS256 cannot even be allow-listed: the algorithm is pinned (a usage error, not a verdict)', async () => {
    await expect(verify(token, { ...baseOptions, algorithms: ['HS256' as never] })).rejects.toMatchObject({ code: 'ERR_SUBMISSION_USAGE' });
  });
});

describe('case 14: key substitution and key URLs', () => {
  it("an attacker's key in jwk, signed by the attacker → E_KEY_UNTRUSTED when keys are trusted", async () => {
    const jws = await joseSubmission(payloadOf(cardOnlyData()), attacker);
    expect(await rejected(jws, { trustedKeys: [key.jwk] })).toMatchObject({ code: 'E_KEY_UNTRUSTED', pointer: '/header/jwk' });
  });

  it("without trusted keys the attacker's own key proves integrity only (authenticity: embedded-key)", async () => {
    const jws = await joseSubmission(payloadOf(cardOnlyData()), attacker);
    expect(await verify(jws, baseOptions)).toMatchObject({ ok: true, authenticity: 'embedded-key' });
  });

  it.each([
    ['jku', { jku: 'https://attacker.example/jwks.json' }],
    ['x5u', { x5u: 'https://attacker.example/cert.pem' }],
    ['jku with no jwk', { jku: 'https://attacker.example/jwks.json', jwk: undefined }],
  ])('a %s header → E_KEY_UNTRUSTED, and nothing is fetched', async (_name, extra) => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in this test'));
    const jws = await joseSubmission(payloadOf(cardOnlyData()), key, { header: header(extra) });
    expect(await rejected(jws)).toMatchObject({ code: 'E_KEY_UNTRUSTED' });
    expect(await rejected(jws, { trustedKeys: [key.jwk] })).toMatchObject({ code: 'E_KEY_UNTRUSTED' });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('case 16: tampered bytes and signatures', () => {
  it('one payload bit flipped anywhere → E_SIG_INVALID (fc.nat)', async () => {
    await expectPayloadBitFlipsRejected(token, { numRuns: RUNS });
  });

  it('a zero signature → E_SIG_INVALID', async () => {
    const [h, p] = segments(token);
    expect(await rejected(`${h}.${p}.${base64url.encode(new Uint8Array(64))}`)).toMatchObject({ code: 'E_SIG_INVALID' });
  });
});

describe('case 17: canonical bytes under a signature', () => {
  it('reordered keys under the old signature → E_SIG_INVALID', async () => {
    const [h, p, s] = segments(token);
    const reordered = base64url.encode(JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(decoder.decode(base64url.decode(p)))).reverse())));
    expect(reordered).not.toBe(p);
    expect(await rejected(`${h}.${reordered}.${s}`)).toMatchObject({ code: 'E_SIG_INVALID' });
  });

  it('non-JCS bytes properly signed with a test key → E_NOT_CANONICAL', async () => {
    const payload = payloadOf(cardOnlyData());
    const unsorted = encoder.encode(JSON.stringify(Object.fromEntries(Object.entries(payload).reverse())));
    expect(await rejected(await joseSubmission(payload, key, { bytes: unsorted }))).toMatchObject({ code: 'E_NOT_CANONICAL' });
  });

  it('a duplicate "name" in properly signed bytes → E_DUPLICATE_KEY', async () => {
    const text = decoder.decode(payloadBytes());
    const bytes = encoder.encode(text.replace('"name":"李四"', '"name":"王五","name":"李四"'));
    expect(decoder.decode(bytes)).toContain('"name":"王五","name":"李四"');
    expect(await rejected(await joseToken(header(), bytes, key.privateKey))).toMatchObject({ code: 'E_DUPLICATE_KEY', pointer: '/data/applicant/name' });
  });
});

/** An SM2 key pair as sm-crypto-v2 makes it, and its JWK `{kty:"EC", crv:"SM2"}`. */
function sm2Key(): { privateKey: string; publicKey: string; jwk: Record<string, string> } {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  const hex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
  return {
    privateKey,
    publicKey,
    jwk: { kty: 'EC', crv: 'SM2', x: base64url.encode(hex(publicKey.slice(2, 66))), y: base64url.encode(hex(publicKey.slice(66))) },
  };
}

/** A compact JWS `SM3withSM2` over our canonical payload, signed with or without Z_A (GB/T 32918.2). */
function sm2Token(k: ReturnType<typeof sm2Key>, withZa: boolean): string {
  const signingInput = `${base64url.encode(canonicalBytes({ alg: 'SM3withSM2', jwk: k.jwk, typ: 'yibiao+jws' }))}.${base64url.encode(payloadBytes())}`;
  const signature = sm2.doSignature(encoder.encode(signingInput), k.privateKey, withZa ? { hash: true, publicKey: k.publicKey, der: false } : { hash: false, der: false });
  const bytes = Uint8Array.from(signature.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
  return `${signingInput}.${base64url.encode(bytes)}`;
}

describe('case 22: SM2', () => {
  it('a valid SM2 token to an ES256 verifier → E_ALG_NOT_ALLOWED', async () => {
    expect(await rejected(sm2Token(sm2Key(), true))).toMatchObject({ code: 'E_ALG_NOT_ALLOWED', pointer: '/header/alg' });
  });

  it('an SM2 signature made without Z_A, to an SM2 verifier → E_SIG_INVALID', async () => {
    const k = sm2Key();
    expect(await rejected(sm2Token(k, false), { algorithms: ['SM3withSM2'] })).toMatchObject({ code: 'E_SIG_INVALID' });
    // Control: the same key with Z_A is accepted, so the refusal is about Z_A alone.
    expect(await verify(sm2Token(k, true), { ...baseOptions, algorithms: ['SM3withSM2'] })).toMatchObject({ ok: true });
  });
});
