/**
 * Attacks on the token itself (SECURITY.md §3 cases 8, 12–17, 19, 25): the
 * verifier must answer each with its named code and never accept.
 */
import { base64url, generateKeyPair } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalBytes } from '../../src/submission/canonicalize.js';
import { verify } from '../../src/submission/verify.js';
import { cardOnlyData } from './fixture-form.js';
import {
  baseOptions,
  decoder,
  decodeSegment,
  deviceSigner,
  encoder,
  encodeSegment,
  expectByteChangesRejected,
  expectPayloadBitFlipsRejected,
  joseSubmission,
  joseToken,
  mutablePayload,
  payloadOf,
  rejected,
  segments,
  tokenAttack,
  validToken,
} from './helpers.js';

const { key, attacker, token, header } = await tokenAttack();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('limits (case 8)', () => {
  it('E_LIMIT for a 10 MB token, quickly', async () => {
    const started = performance.now();
    expect(await rejected('a'.repeat(10 * 1024 * 1024))).toMatchObject({ code: 'E_LIMIT' });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('E_LIMIT for a token one byte over 256 KiB', async () => {
    expect(await rejected(`${token}${'A'.repeat(256 * 1024 - token.length + 1)}`)).toMatchObject({ code: 'E_LIMIT' });
  });

  it('E_LIMIT for a 5 MB header', async () => {
    expect(await rejected(`${'e'.repeat(200_000)}.e30.`)).toMatchObject({ code: 'E_LIMIT' });
  });

  it('E_LIMIT for a signed payload nested 2,000 deep', async () => {
    const bytes = encoder.encode(`${'['.repeat(2000)}${']'.repeat(2000)}`);
    expect(await rejected(await joseToken(header(), bytes, key.privateKey))).toMatchObject({ code: 'E_LIMIT' });
  });

  it('E_LIMIT for a signed payload with a string over 2,000 characters', async () => {
    const payload = mutablePayload(cardOnlyData());
    (payload.data.applicant as Record<string, unknown>).name = '张'.repeat(2001);
    const text = decoder.decode(canonicalBytes({ ...payload, data: {} }));
    const bytes = encoder.encode(text.replace('"data":{}', `"data":${JSON.stringify(payload.data)}`));
    expect(await rejected(await joseToken(header(), bytes, key.privateKey))).toMatchObject({
      code: 'E_LIMIT',
      pointer: '/data/applicant/name',
    });
  });

  it('E_LIMIT for 10,000 array items', async () => {
    const bytes = encoder.encode(`[${new Array(10_000).fill(0).join(',')}]`);
    expect(await rejected(await joseToken(header(), bytes, key.privateKey))).toMatchObject({ code: 'E_LIMIT' });
  });
});

describe('structure', () => {
  it.each([
    ['an empty string', ''],
    ['one segment', 'abc'],
    ['two segments', 'abc.def'],
    ['four segments', 'a.b.c.d'],
    ['a JWE-like five segments', 'a.b.c.d.e'],
    ['standard base64 characters', 'a+b/.e30.AA'],
    ['padding', 'e30=.e30.AA'],
    ['a non-ASCII character', 'e30.e30.é'],
  ])('E_MALFORMED for %s', async (_name, jws) => {
    expect(await rejected(jws)).toMatchObject({ code: 'E_MALFORMED' });
  });

  it('E_MALFORMED for a non-string token', async () => {
    expect(await rejected(42 as unknown as string)).toMatchObject({ code: 'E_MALFORMED' });
  });

  it('E_MALFORMED for a header that is not a JSON object', async () => {
    const [, p, s] = segments(token);
    expect(await rejected(`${base64url.encode('[1]')}.${p}.${s}`)).toMatchObject({ code: 'E_MALFORMED', pointer: '/header' });
    expect(await rejected(`${base64url.encode('{"alg":')}.${p}.${s}`)).toMatchObject({ code: 'E_MALFORMED' });
  });

  it('E_DUPLICATE_KEY for a header with two "alg" members', async () => {
    const [, p, s] = segments(token);
    const h = base64url.encode('{"alg":"none","alg":"ES256","typ":"yibiao+jws"}');
    expect(await rejected(`${h}.${p}.${s}`)).toMatchObject({ code: 'E_DUPLICATE_KEY' });
  });

  it('E_MALFORMED for a non-canonical base64url spelling of the same signature', async () => {
    const [h, p, s] = segments(token);
    // 64 bytes → 86 characters; the last one carries 2 unused bits that a lenient decoder ignores.
    const last = s.at(-1) ?? 'A';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = alphabet[alphabet.indexOf(last) ^ 1] ?? 'A';
    expect(base64url.decode(`${s.slice(0, -1)}${twin}`)).toEqual(base64url.decode(s));
    expect(await rejected(`${h}.${p}.${s.slice(0, -1)}${twin}`)).toMatchObject({ code: 'E_MALFORMED', pointer: '/signature' });
  });

  it.each([
    ['a wrong typ', { typ: 'JWT' }],
    ['no typ', { typ: undefined }],
    ['crit', { crit: ['exp'], exp: 1 }],
    ['b64 false', { b64: false, crit: ['b64'] }],
    ['an unknown member', { foo: 1 }],
  ])('E_MALFORMED for a header with %s', async (_name, extra) => {
    // jose refuses to sign some of these, and the header is refused before the signature is checked.
    const [, p, s] = segments(token);
    expect(await rejected(`${encodeSegment(header(extra))}.${p}.${s}`)).toMatchObject({ code: 'E_MALFORMED' });
  });
});

describe('algorithms (cases 12, 13)', () => {
  it.each(['none', 'nOnE', 'NONE', 'None'])('E_ALG_NOT_ALLOWED for alg %s with an empty signature', async (alg) => {
    const [, p] = segments(token);
    const h = encodeSegment({ alg, typ: 'yibiao+jws' });
    expect(await rejected(`${h}.${p}.`)).toMatchObject({ code: 'E_ALG_NOT_ALLOWED', pointer: '/header/alg' });
  });

  it.each(['es256', 'ES384', 'ES512', 'RS256', 'PS256', 'EdDSA', 'HS256', 'SM3withSM2', ''])(
    'E_ALG_NOT_ALLOWED for alg %j',
    async (alg) => {
      const [, p, s] = segments(token);
      const h = encodeSegment({ alg, typ: 'yibiao+jws', jwk: key.jwk });
      expect(await rejected(`${h}.${p}.${s}`)).toMatchObject({ code: 'E_ALG_NOT_ALLOWED' });
    },
  );

  it('E_ALG_NOT_ALLOWED for a header without alg', async () => {
    const [, p, s] = segments(token);
    expect(await rejected(`${encodeSegment({ typ: 'yibiao+jws', jwk: key.jwk })}.${p}.${s}`)).toMatchObject({
      code: 'E_ALG_NOT_ALLOWED',
    });
  });

  describe('HS256 keyed with our public key', () => {
    const payload = () => canonicalBytes(payloadOf(cardOnlyData()));
    const hs = (secret: Uint8Array) => joseToken({ alg: 'HS256', typ: 'yibiao+jws', jwk: key.jwk }, payload(), secret);

    it('as JWK text', async () => {
      expect(await rejected(await hs(encoder.encode(JSON.stringify(key.jwk))))).toMatchObject({ code: 'E_ALG_NOT_ALLOWED' });
    });

    it('as DER (SPKI)', async () => {
      const der = new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', key.publicKey));
      expect(await rejected(await hs(der))).toMatchObject({ code: 'E_ALG_NOT_ALLOWED' });
    });

    it('as PEM', async () => {
      const der = new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', key.publicKey));
      const pem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(der).toString('base64')}\n-----END PUBLIC KEY-----\n`;
      expect(await rejected(await hs(encoder.encode(pem)))).toMatchObject({ code: 'E_ALG_NOT_ALLOWED' });
    });

    it('with an oct JWK of the public key bytes in the header', async () => {
      const secret = encoder.encode(JSON.stringify(key.jwk));
      const jws = await joseToken({ alg: 'HS256', typ: 'yibiao+jws', jwk: { kty: 'oct', k: base64url.encode(secret) } }, payload(), secret);
      expect(await rejected(jws)).toMatchObject({ code: 'E_ALG_NOT_ALLOWED' });
    });
  });
});

describe('keys (case 14)', () => {
  it("E_KEY_UNTRUSTED for an attacker's jwk when trustedKeys are given", async () => {
    const jws = await joseSubmission(payloadOf(cardOnlyData()), attacker);
    expect(await verify(jws, baseOptions)).toMatchObject({ ok: true, authenticity: 'embedded-key' });
    expect(await rejected(jws, { trustedKeys: [key.jwk] })).toMatchObject({ code: 'E_KEY_UNTRUSTED', pointer: '/header/jwk' });
  });

  it('E_KEY_UNTRUSTED for every key when trustedKeys is empty', async () => {
    expect(await rejected(token, { trustedKeys: [] })).toMatchObject({ code: 'E_KEY_UNTRUSTED' });
  });

  it.each([
    ['jku', { jku: 'https://attacker.example/jwks.json' }],
    ['x5u', { x5u: 'https://attacker.example/cert.pem' }],
    ['x5c', { x5c: ['MIIB'] }],
    ['x5t#S256', { 'x5t#S256': 'abc' }],
    ['kid', { kid: 'device-1' }],
  ])('E_KEY_UNTRUSTED for a %s header, and nothing is fetched', async (_name, extra) => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const jws = await joseSubmission(payloadOf(cardOnlyData()), key, { header: header(extra) });
    expect(await rejected(jws)).toMatchObject({ code: 'E_KEY_UNTRUSTED' });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['no jwk', undefined],
    ['an oct key', { kty: 'oct', k: 'c2VjcmV0' }],
    ['an RSA key', { kty: 'RSA', n: 'AQAB', e: 'AQAB' }],
    ['an OKP key', { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }],
    ['a P-384 key', { kty: 'EC', crv: 'P-384', x: 'A'.repeat(64), y: 'A'.repeat(64) }],
    ['a private key', 'private'],
    ['a point not on the curve', 'off-curve'],
    ['a 31-byte coordinate', 'short'],
    ['a key for RS256', 'alg'],
    ['a key for encryption', 'use'],
    ['a string', 'not a key'],
  ])('E_KEY_INVALID for %s', async (name, jwk) => {
    let value = jwk;
    if (jwk === 'private') value = { ...key.jwk, d: base64url.encode(new Uint8Array(32)) };
    if (jwk === 'off-curve') value = { ...key.jwk, y: base64url.encode(new Uint8Array(32).fill(1)) };
    if (jwk === 'short') value = { ...key.jwk, x: base64url.encode(new Uint8Array(31)) };
    if (jwk === 'alg') value = { ...key.jwk, alg: 'RS256' };
    if (jwk === 'use') value = { ...key.jwk, use: 'enc' };
    const [, p, s] = segments(token);
    const h = encodeSegment(value === undefined ? { alg: 'ES256', typ: 'yibiao+jws' } : { alg: 'ES256', typ: 'yibiao+jws', jwk: value });
    expect(await rejected(`${h}.${p}.${s}`), name).toMatchObject({ code: 'E_KEY_INVALID' });
  });
});

describe('signatures and bytes (cases 16, 17)', () => {
  it('E_SIG_INVALID for a zero signature', async () => {
    const [h, p] = segments(token);
    expect(await rejected(`${h}.${p}.${base64url.encode(new Uint8Array(64))}`)).toMatchObject({ code: 'E_SIG_INVALID' });
  });

  it('E_SIG_INVALID for an empty or DER-length signature', async () => {
    const [h, p] = segments(token);
    expect(await rejected(`${h}.${p}.`)).toMatchObject({ code: 'E_SIG_INVALID' });
    expect(await rejected(`${h}.${p}.${base64url.encode(new Uint8Array(72))}`)).toMatchObject({ code: 'E_SIG_INVALID' });
  });

  it("E_SIG_INVALID for our payload under an attacker's key with our jwk", async () => {
    const jws = await joseToken(header(), canonicalBytes(payloadOf(cardOnlyData())), attacker.privateKey);
    expect(await rejected(jws)).toMatchObject({ code: 'E_SIG_INVALID' });
  });

  it('E_SIG_INVALID for reordered keys under the old signature', async () => {
    const [h, p, s] = segments(token);
    const reordered = encodeSegment(decodeSegment(p)); // JSON.stringify keeps JCS order; reverse it
    const reversed = base64url.encode(
      JSON.stringify(Object.fromEntries(Object.entries(decodeSegment(p) as object).reverse())),
    );
    expect(reordered).toBe(p);
    expect(await rejected(`${h}.${reversed}.${s}`)).toMatchObject({ code: 'E_SIG_INVALID' });
  });

  it('E_SIG_INVALID for a payload moved from another token', async () => {
    const other = await validToken(payloadOf());
    const [h, , s] = segments(token);
    const [, p] = segments(other);
    expect(await rejected(`${h}.${p}.${s}`)).toMatchObject({ code: 'E_SIG_INVALID' });
  });

  it('E_SIG_INVALID for any single payload bit flipped (fc)', async () => {
    await expectPayloadBitFlipsRejected(token, { numRuns: 200 });
  });

  it('rejects any single-byte change of header, payload or signature (fc)', async () => {
    await expectByteChangesRejected(token, { numRuns: 400 });
  });

  it('E_NOT_CANONICAL for non-JCS bytes signed with a test key', async () => {
    const payload = payloadOf(cardOnlyData());
    const unsorted = encoder.encode(JSON.stringify(Object.fromEntries(Object.entries(payload).reverse())));
    expect(await rejected(await joseSubmission(payload, key, { bytes: unsorted }))).toMatchObject({ code: 'E_NOT_CANONICAL' });
    const spaced = encoder.encode(JSON.stringify(JSON.parse(decoder.decode(canonicalBytes(payload))), null, 1));
    expect(await rejected(await joseSubmission(payload, key, { bytes: spaced }))).toMatchObject({ code: 'E_NOT_CANONICAL' });
  });

  it('E_NOT_CANONICAL for a number spelled 1.0 or -0', async () => {
    const text = decoder.decode(canonicalBytes(payloadOf(cardOnlyData())));
    for (const spelling of ['"v":1.0', '"v":1e0']) {
      const bytes = encoder.encode(text.replace('"v":1', spelling));
      expect(await rejected(await joseToken(header(), bytes, key.privateKey))).toMatchObject({ code: 'E_NOT_CANONICAL' });
    }
  });

  it('E_DUPLICATE_KEY for a duplicate "name" in signed bytes', async () => {
    const text = decoder.decode(canonicalBytes(payloadOf(cardOnlyData())));
    const bytes = encoder.encode(text.replace('"name":"李四"', '"name":"王五","name":"李四"'));
    expect(decoder.decode(bytes)).toContain('"name":"王五","name":"李四"');
    expect(await rejected(await joseToken(header(), bytes, key.privateKey))).toMatchObject({
      code: 'E_DUPLICATE_KEY',
      pointer: '/data/applicant/name',
    });
  });

  it('E_PAYLOAD_INVALID and no pollution for a signed __proto__ member', async () => {
    const text = decoder.decode(canonicalBytes(payloadOf(cardOnlyData())));
    const bytes = encoder.encode(text.replace('"data":{', '"data":{"__proto__":{"polluted":true},'));
    expect(await rejected(await joseToken(header(), bytes, key.privateKey))).toMatchObject({ code: 'E_PAYLOAD_INVALID' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('payload shape and text (case 18)', () => {
  const sign = (edit: (p: Record<string, unknown> & { data: Record<string, unknown> }) => void) => {
    const payload = mutablePayload(cardOnlyData());
    edit(payload);
    return joseSubmission(payload, key);
  };
  const name = (value: string) => (p: { data: Record<string, unknown> }) => {
    (p.data.applicant as Record<string, unknown>).name = value;
  };

  it.each<[string, (p: Record<string, unknown> & { data: Record<string, unknown> }) => void, string]>([
    ['typ', (p) => {
      p.typ = 'other';
    }, '/typ'],
    ['v 2', (p) => {
      p.v = 2;
    }, '/v'],
    ['an extra member', (p) => {
      p.aud = 'x';
    }, ''],
    ['no nonce', (p) => void delete p.nonce, '/nonce'],
    ['a 64-bit nonce', (p) => {
      p.nonce = base64url.encode(new Uint8Array(8));
    }, '/nonce'],
    ['a bad submission id', (p) => {
      p.submissionId = 'not-a-uuid';
    }, '/submissionId'],
    ['a fractional iat', (p) => {
      p.iat = (p.iat as number) + 0.5;
    }, '/iat'],
    ['exp 48 h after iat', (p) => {
      p.exp = (p.iat as number) + 2 * 86_400;
    }, '/exp'],
    ['exp before iat', (p) => {
      p.exp = (p.iat as number) - 1;
    }, '/exp'],
    ['an unknown language', (p) => {
      p.lang = 'fr';
    }, '/lang'],
    ['a duplicate service', (p) => {
      p.services = ['socialSecurityCard', 'socialSecurityCard'];
    }, '/services/1'],
    ['data that is an array', (p) => {
      p.data = [] as never;
    }, '/data'],
    ['a schema hash without prefix', (p) => {
      p.form = { ...(p.form as object), schemaHash: 'abc' };
    }, '/form/schemaHash'],
    ['an NFD name', name('Zoe\u0301'), '/data/applicant/name'],
    ['U+202E in 姓名', name('张\u202e三'), '/data/applicant/name'],
    ['U+200B in 姓名', name('张\u200b三'), '/data/applicant/name'],
    ['a control character', name('张\u0007三'), '/data/applicant/name'],
    ['a file name with a path', (p) => {
      p.attachments = [{ field: 'idCardCopy', name: '../x.jpg', mediaType: 'image/jpeg', size: 1, sha256: 'a'.repeat(64) }];
    }, '/attachments/0/name'],
    ['an upper-case digest', (p) => {
      p.attachments = [{ field: 'idCardCopy', name: 'x.jpg', mediaType: 'image/jpeg', size: 1, sha256: 'A'.repeat(64) }];
    }, '/attachments/0/sha256'],
  ])('E_PAYLOAD_INVALID for %s', async (_name, edit, pointer) => {
    const verdict = await rejected(await sign(edit));
    expect(verdict.code).toBe('E_PAYLOAD_INVALID');
    expect(verdict.pointer ?? '').toBe(pointer);
  });

  it('E_LIMIT for eleven attachments', async () => {
    const files = Array.from({ length: 11 }, (_, i) => ({ field: 'idCardCopy', name: `${i}.jpg`, mediaType: 'image/jpeg', size: 1, sha256: 'a'.repeat(64) }));
    expect(await rejected(await sign((p) => {
      p.attachments = files;
    }))).toMatchObject({ code: 'E_LIMIT' });
  });
});

describe('trusted flow with a device signer', () => {
  it('accepts the device key as trusted and refuses another device', async () => {
    const signer = await deviceSigner();
    const trustedKeys = [await signer.publicJwk()];
    expect(await verify(token, { ...baseOptions, trustedKeys })).toMatchObject({ ok: true, authenticity: 'trusted-key' });
    const { privateKey } = await generateKeyPair('ES256');
    const jws = await joseToken({ alg: 'ES256', typ: 'yibiao+jws', jwk: trustedKeys[0] }, canonicalBytes(payloadOf(cardOnlyData())), privateKey);
    expect(await rejected(jws, { trustedKeys })).toMatchObject({ code: 'E_SIG_INVALID' });
  });
});
