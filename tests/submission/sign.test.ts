import { base64url, compactVerify, EmbeddedJWK, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../src/submission/canonicalize.js';
import { YibiaoUsageError, YibiaoVerifyError } from '../../src/submission/errors.js';
import { signSubmission } from '../../src/submission/sign.js';
import type { Signer } from '../../src/submission/signer.js';
import { verify } from '../../src/submission/verify.js';
import { cardOnlyData } from './fixture-form.js';
import { baseOptions, decoder, deviceSigner, payloadOf, segments } from './helpers.js';

describe('signSubmission', () => {
  it('writes BASE64URL(JCS(header)).BASE64URL(JCS(payload)).BASE64URL(r‖s)', async () => {
    const signer = await deviceSigner();
    const payload = payloadOf();
    const token = await signSubmission(payload, signer);
    const [h, p, s] = segments(token);
    const jwk = await signer.publicJwk();
    expect(decoder.decode(base64url.decode(h))).toBe(
      `{"alg":"ES256","jwk":{"crv":"P-256","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"},"typ":"yibiao+jws"}`,
    );
    expect(base64url.decode(p)).toEqual(canonicalBytes(payload));
    expect(base64url.decode(s)).toHaveLength(64);
  });

  it('verifies independently with jose compactVerify and the public JWK', async () => {
    const signer = await deviceSigner();
    const payload = payloadOf();
    const token = await signSubmission(payload, signer);
    const key = await importJWK(await signer.publicJwk(), 'ES256');
    const { payload: bytes, protectedHeader } = await compactVerify(token, key, { algorithms: ['ES256'] });
    expect(bytes).toEqual(canonicalBytes(payload));
    expect(JSON.parse(decoder.decode(bytes))).toEqual(payload);
    expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'yibiao+jws' });
  });

  it('verifies independently with jose EmbeddedJWK', async () => {
    const token = await signSubmission(payloadOf(), await deviceSigner());
    await expect(compactVerify(token, EmbeddedJWK, { algorithms: ['ES256'] })).resolves.toBeDefined();
  });

  it('produces a token our verifier accepts', async () => {
    const token = await signSubmission(payloadOf(cardOnlyData()), await deviceSigner());
    expect((await verify(token, baseOptions)).ok).toBe(true);
  });

  it('refuses to sign text the verifier would refuse, naming the field', async () => {
    const data = cardOnlyData();
    (data.applicant as Record<string, unknown>).name = '张\u200b三';
    const error = await signSubmission(payloadOf(data), await deviceSigner()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YibiaoVerifyError);
    expect(error).toMatchObject({ code: 'E_PAYLOAD_INVALID', pointer: '/data/applicant/name' });
  });

  it('refuses a payload with a forged shape', async () => {
    const payload = { ...payloadOf(), v: 2 } as unknown as ReturnType<typeof payloadOf>;
    await expect(signSubmission(payload, await deviceSigner())).rejects.toMatchObject({ code: 'E_PAYLOAD_INVALID' });
  });

  it('refuses a signer that returns a DER signature', async () => {
    const real = await deviceSigner();
    const der: Signer = { alg: 'ES256', publicJwk: () => real.publicJwk(), sign: async () => new Uint8Array(70) };
    await expect(signSubmission(payloadOf(), der)).rejects.toThrow(YibiaoUsageError);
  });

  it('refuses a signer whose key is private or not P-256', async () => {
    const real = await deviceSigner();
    const leaky: Signer = { alg: 'ES256', sign: (i) => real.sign(i), publicJwk: async () => ({ ...(await real.publicJwk()), d: 'AAAA' }) };
    await expect(signSubmission(payloadOf(), leaky)).rejects.toThrow(YibiaoUsageError);
    const rsa: Signer = { alg: 'ES256', sign: (i) => real.sign(i), publicJwk: async () => ({ kty: 'RSA', n: 'AQAB', e: 'AQAB' }) };
    await expect(signSubmission(payloadOf(), rsa)).rejects.toThrow(YibiaoUsageError);
  });

  it('refuses a signer with another algorithm', async () => {
    const real = await deviceSigner();
    const hs = { alg: 'HS256', sign: (i: Uint8Array) => real.sign(i), publicJwk: () => real.publicJwk() } as unknown as Signer;
    await expect(signSubmission(payloadOf(), hs)).rejects.toThrow(YibiaoUsageError);
  });
});
