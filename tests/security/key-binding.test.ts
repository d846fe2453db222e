/**
 * Key bindings (SECURITY.md §1 "Device keys", §3 case 15): a device key is
 * trusted through a `keyBinding` JWS from an allow-listed issuer that binds
 * `cnf.jkt`, `formId` and `exp`; a binding for another key, from another
 * issuer, expired, for another form, tampered or unsigned → `E_KEY_UNTRUSTED`.
 */
import { createPublicKey } from 'node:crypto';
import { base64url, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { YibiaoUsageError } from '../../src/submission/errors.js';
import { issueKeyBinding } from '../../src/submission/issue-key-binding.js';
import { jwkThumbprint, toPublicJwk } from '../../src/submission/key.js';
import { KEY_BINDING_TYPE, prepareBindingIssuers } from '../../src/submission/key-binding.js';
import { createMemoryNonceStore } from '../../src/submission/nonce-store.js';
import { signSubmission } from '../../src/submission/sign.js';
import type { DeviceSigner } from '../../src/submission/signer.js';
import { createDeviceSigner } from '../../src/submission/signer.js';
import { type VerifyOptions, verify } from '../../src/submission/verify.js';
import { NOW } from '../submission/fixture-form.js';
import { baseOptions, decodeSegment, encodeSegment, joseSubmission, payloadOf, segments, sm2Signer, testKey } from '../submission/helpers.js';

const ISS = 'https://login.example.gov.cn';
const SECONDS = Math.floor(NOW.getTime() / 1000);
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

let issuer: { privateKey: CryptoKey; publicKey: CryptoKey; jwk: JsonWebKey };
let deviceA: DeviceSigner;
let deviceB: DeviceSigner;
let jktA: string;
let jktB: string;
let options: VerifyOptions;

async function thumbprintOf(signer: { publicJwk(): Promise<JsonWebKey> }): Promise<string> {
  return jwkThumbprint(toPublicJwk(await signer.publicJwk()));
}

/** A binding from the test issuer; every claim can be changed. */
function bind(overrides: Partial<Parameters<typeof issueKeyBinding>[0]> = {}): Promise<string> {
  return issueKeyBinding({ issuerKey: issuer.privateKey, iss: ISS, jkt: jktA, formId: 'testform', ttlSeconds: 3600, now: NOW, ...overrides });
}

/** A token of the valid test data, signed by device A (or `signer`) and carrying `keyBinding`. */
async function tokenWith(keyBinding: string, signer: DeviceSigner = deviceA): Promise<string> {
  return signSubmission(payloadOf(), signer, { keyBinding });
}

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  const { kty, crv, x, y } = await exportJWK(pair.publicKey);
  issuer = { ...pair, jwk: { kty, crv, x, y } as JsonWebKey };
  [deviceA, deviceB] = await Promise.all([createDeviceSigner(), createDeviceSigner()]);
  [jktA, jktB] = await Promise.all([thumbprintOf(deviceA), thumbprintOf(deviceB)]);
  options = { ...baseOptions, bindingIssuers: [{ iss: ISS, key: issuer.jwk }] };
});

describe('case 15: a valid key binding makes the device key bound', () => {
  it('a binding for the signing key, this form, unexpired, from an allow-listed issuer → authenticity bound', async () => {
    const verdict = await verify(await tokenWith(await bind()), options);
    expect(verdict).toMatchObject({ ok: true, authenticity: 'bound', keyThumbprint: jktA });
  });

  it('accepts the issuer key as a JWK, a CryptoKey or a Node KeyObject, and several keys per issuer (rotation)', async () => {
    const token = await tokenWith(await bind());
    const other = await testKey();
    for (const key of [issuer.jwk, issuer.publicKey, createPublicKey({ key: issuer.jwk as never, format: 'jwk' })]) {
      const bindingIssuers = [{ iss: ISS, key: other.jwk }, { iss: ISS, key }];
      expect(await verify(token, { ...baseOptions, bindingIssuers })).toMatchObject({ ok: true, authenticity: 'bound' });
    }
  });

  it('binds an SM2 device key by its thumbprint too', async () => {
    const signer = await sm2Signer();
    const keyBinding = await bind({ jkt: await thumbprintOf(signer) });
    const token = await signSubmission(payloadOf(), signer, { keyBinding });
    expect(await verify(token, { ...options, algorithms: ['SM3withSM2'] })).toMatchObject({ ok: true, authenticity: 'bound' });
  });

  it('a key among trustedKeys stays trusted-key, with or without a binding', async () => {
    const trustedKeys = [await deviceA.publicJwk()];
    expect(await verify(await tokenWith(await bind()), { ...options, trustedKeys })).toMatchObject({ ok: true, authenticity: 'trusted-key' });
    expect(await verify(await signSubmission(payloadOf(), deviceA), { ...options, trustedKeys })).toMatchObject({
      ok: true,
      authenticity: 'trusted-key',
    });
  });
});

describe('case 15: every other binding → E_KEY_UNTRUSTED', () => {
  const refused = { ok: false, code: 'E_KEY_UNTRUSTED', pointer: '/header/ybk' };

  it('a binding for key A on a token signed by key B', async () => {
    expect(await verify(await tokenWith(await bind({ jkt: jktA }), deviceB), options)).toMatchObject(refused);
    // Passing case: the same binding on A's token.
    expect(await verify(await tokenWith(await bind({ jkt: jktA }), deviceA), options)).toMatchObject({ ok: true, authenticity: 'bound' });
    expect(await verify(await tokenWith(await bind({ jkt: jktB }), deviceB), options)).toMatchObject({ ok: true });
  });

  it('a binding from an issuer that is not allow-listed (another iss, or the allow-listed iss signed by a foreign key)', async () => {
    expect(await verify(await tokenWith(await bind({ iss: 'https://attacker.example' })), options)).toMatchObject(refused);
    const foreign = await testKey();
    expect(await verify(await tokenWith(await bind({ issuerKey: foreign.privateKey })), options)).toMatchObject(refused);
  });

  it('an expired binding (exp more than the skew ago); one within the skew is accepted', async () => {
    const expired = await bind({ now: at(-7200), ttlSeconds: 7200 - 301 }); // exp = now − 301 s
    expect(await verify(await tokenWith(expired), options)).toMatchObject(refused);
    const grace = await bind({ now: at(-7200), ttlSeconds: 7200 - 299 }); // exp = now − 299 s
    expect(await verify(await tokenWith(grace), options)).toMatchObject({ ok: true, authenticity: 'bound' });
  });

  it('a binding issued in the future (iat beyond the skew); +299 s is accepted', async () => {
    expect(await verify(await tokenWith(await bind({ now: at(301) })), options)).toMatchObject(refused);
    expect(await verify(await tokenWith(await bind({ now: at(299) })), options)).toMatchObject({ ok: true, authenticity: 'bound' });
  });

  it('a binding for another formId', async () => {
    expect(await verify(await tokenWith(await bind({ formId: 'otherform' })), options)).toMatchObject(refused);
  });

  it('a binding with a tampered signature, or tampered claims under the original signature', async () => {
    const [h, p, s] = segments(await bind());
    const flipped = `${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    expect(await verify(await tokenWith(`${h}.${p}.${flipped}`), options)).toMatchObject(refused);
    const claims = decodeSegment(p) as Record<string, unknown>;
    const otherKey = encodeSegment({ ...claims, cnf: { jkt: jktB } });
    expect(await verify(await tokenWith(`${h}.${otherKey}.${s}`, deviceB), options)).toMatchObject(refused);
  });

  it('a binding with alg none, or HS256 keyed with the issuer public key', async () => {
    const claims = { iss: ISS, iat: SECONDS, exp: SECONDS + 3600, formId: 'testform', cnf: { jkt: '' } };
    const device = await testKey();
    const jkt = await jwkThumbprint(toPublicJwk(device.jwk));
    const none = `${encodeSegment({ alg: 'none', typ: KEY_BINDING_TYPE })}.${encodeSegment({ ...claims, cnf: { jkt } })}.`;
    const hs256 = await new SignJWT({ ...claims, cnf: { jkt } })
      .setProtectedHeader({ alg: 'HS256', typ: KEY_BINDING_TYPE })
      .sign(new TextEncoder().encode(JSON.stringify(issuer.jwk)));
    for (const ybk of [none, hs256]) {
      const token = await joseSubmission(payloadOf(), device, { header: { alg: 'ES256', typ: 'yibiao+jws', jwk: device.jwk, ybk } });
      expect(await verify(token, options)).toMatchObject(refused);
    }
    // Passing case: the same claims, signed ES256 by the issuer, on the same kind of hand-made token.
    const good = await bind({ jkt });
    const token = await joseSubmission(payloadOf(), device, { header: { alg: 'ES256', typ: 'yibiao+jws', jwk: device.jwk, ybk: good } });
    expect(await verify(token, options)).toMatchObject({ ok: true, authenticity: 'bound' });
  });

  it('a JWT of the issuer with another typ (not a key binding)', async () => {
    const jwt = await new SignJWT({ formId: 'testform', cnf: { jkt: jktA } })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .setIssuer(ISS)
      .setIssuedAt(SECONDS)
      .setExpirationTime(SECONDS + 3600)
      .sign(issuer.privateKey);
    expect(await verify(await tokenWith(jwt), options)).toMatchObject(refused);
  });

  it('no binding while issuers are configured → E_KEY_UNTRUSTED; a refused token keeps its nonce unused', async () => {
    const nonceStore = createMemoryNonceStore({ now: () => NOW });
    const plain = await signSubmission(payloadOf(), deviceA);
    expect(await verify(plain, { ...options, nonceStore })).toMatchObject({ ok: false, code: 'E_KEY_UNTRUSTED', pointer: '/header/jwk' });
    expect(nonceStore.size).toBe(0);
    expect(await verify(await tokenWith(await bind()), { ...options, nonceStore })).toMatchObject({ ok: true, authenticity: 'bound' });
  });
});

describe('case 15: a binding without issuers configured is not trust', () => {
  it('is ignored: the verdict stays embedded-key', async () => {
    expect(await verify(await tokenWith(await bind()), baseOptions)).toMatchObject({ ok: true, authenticity: 'embedded-key' });
  });

  it('does not satisfy trustedKeys: the key must be listed', async () => {
    expect(await verify(await tokenWith(await bind()), { ...baseOptions, trustedKeys: [] })).toMatchObject({
      ok: false,
      code: 'E_KEY_UNTRUSTED',
      pointer: '/header/jwk',
    });
  });
});

describe('the binding travels under the device signature', () => {
  it('swapping the ybk of a signed token breaks the device signature (E_SIG_INVALID)', async () => {
    const [h, p, s] = segments(await tokenWith(await bind()));
    const header = decodeSegment(h) as Record<string, unknown>;
    expect(Object.keys(header).sort()).toEqual(['alg', 'jwk', 'typ', 'ybk']);
    const swapped = `${encodeSegment({ ...header, ybk: await bind({ ttlSeconds: 7200 }) })}.${p}.${s}`;
    expect(await verify(swapped, options)).toMatchObject({ ok: false, code: 'E_SIG_INVALID' });
  });

  it('a ybk that is not a string → E_MALFORMED', async () => {
    const device = await testKey();
    const token = await joseSubmission(payloadOf(), device, { header: { alg: 'ES256', typ: 'yibiao+jws', jwk: device.jwk, ybk: 1 } });
    expect(await verify(token, baseOptions)).toMatchObject({ ok: false, code: 'E_MALFORMED', pointer: '/header/ybk' });
  });
});

describe('usage errors', () => {
  it('refuses a private key, an HMAC secret or a bad issuer id in bindingIssuers', async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = await exportJWK(pair.privateKey);
    await expect(prepareBindingIssuers([{ iss: ISS, key: privateJwk }])).rejects.toThrow(YibiaoUsageError);
    await expect(prepareBindingIssuers([{ iss: ISS, key: pair.privateKey }])).rejects.toThrow(YibiaoUsageError);
    await expect(prepareBindingIssuers([{ iss: ISS, key: { kty: 'oct', k: base64url.encode('secret') } }])).rejects.toThrow(YibiaoUsageError);
    await expect(prepareBindingIssuers([{ iss: '', key: issuer.jwk }])).rejects.toThrow(YibiaoUsageError);
    await expect(verify('x.y.z', { ...baseOptions, bindingIssuers: [{ iss: ISS, key: privateJwk }] })).rejects.toThrow(YibiaoUsageError);
    await expect(prepareBindingIssuers([{ iss: ISS, key: issuer.jwk }])).resolves.toBeInstanceOf(Map);
  });

  it('issueKeyBinding refuses a bad thumbprint, form id, lifetime or key', async () => {
    await expect(bind({ jkt: 'short' })).rejects.toThrow(YibiaoUsageError);
    await expect(bind({ formId: '../x' })).rejects.toThrow(YibiaoUsageError);
    await expect(bind({ ttlSeconds: 0 })).rejects.toThrow(YibiaoUsageError);
    await expect(bind({ issuerKey: issuer.jwk })).rejects.toThrow(YibiaoUsageError);
    await expect(bind({ sub: 'x'.repeat(300) })).rejects.toThrow(YibiaoUsageError);
    const claims = decodeSegment(segments(await bind({ sub: 'user-1' }))[1]);
    expect(claims).toEqual({ iss: ISS, sub: 'user-1', iat: SECONDS, exp: SECONDS + 3600, formId: 'testform', cnf: { jkt: jktA } });
  });

  it('signSubmission refuses a keyBinding that is not a compact JWS', async () => {
    await expect(signSubmission(payloadOf(), deviceA, { keyBinding: 'not a jws' })).rejects.toThrow(YibiaoUsageError);
    await expect(signSubmission(payloadOf(), deviceA, { keyBinding: `a.b.${'c'.repeat(2000)}` })).rejects.toThrow(YibiaoUsageError);
  });
});
