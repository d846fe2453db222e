import { calculateJwkThumbprint } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { YibiaoUsageError } from '../../src/submission/errors.js';
import { createMemoryNonceStore } from '../../src/submission/nonce-store.js';
import { buildPayload } from '../../src/submission/payload.js';
import { deriveRouting } from '../../src/submission/routing.js';
import { signSubmission } from '../../src/submission/sign.js';
import { createDeviceSigner } from '../../src/submission/signer.js';
import { type VerifyFailure, type VerifyOptions, verify } from '../../src/submission/verify.js';
import { flipBit } from '../helpers/tamper.js';
import { cardOnlyData, form, model, NOW, NOW_SECONDS, OTHER_SCHEMA_HASH, registry, seen, validData } from './fixture-form.js';
import { baseOptions, deviceSigner, encoder, joseSubmission, mutablePayload, payloadOf, testKey, validToken } from './helpers.js';

type Key = Awaited<ReturnType<typeof testKey>>;
let key: Key;

beforeAll(async () => {
  key = await testKey();
});

async function rejected(token: string, options: Partial<VerifyOptions> = {}): Promise<VerifyFailure> {
  const verdict = await verify(token, { ...baseOptions, ...options });
  if (verdict.ok) throw new Error('expected a rejection');
  return verdict;
}

/** A token of a tampered payload, signed properly (canonical bytes) with the test key. */
async function tampered(edit: (p: Record<string, unknown> & { data: Record<string, unknown> }) => void, data?: Record<string, unknown>) {
  const payload = mutablePayload(data);
  edit(payload);
  return joseSubmission(payload, key);
}

describe('verify: accepted submissions', () => {
  it('accepts a token signed by the device signer, with an embedded key', async () => {
    const signer = await deviceSigner();
    const payload = payloadOf();
    const verdict = await verify(await signSubmission(payload, signer), baseOptions);
    expect(verdict).toMatchObject({ ok: true, authenticity: 'embedded-key', warnings: [], attachmentsChecked: false });
    if (!verdict.ok) return;
    expect(verdict.payload).toEqual(payload);
    expect(verdict.header).toEqual({ alg: 'ES256', typ: 'yibiao+jws', jwk: await signer.publicJwk() });
    expect(verdict.keyThumbprint).toBe(await calculateJwkThumbprint((await signer.publicJwk()) as never));
  });

  it('says trusted-key when the key is one of trustedKeys', async () => {
    const signer = await deviceSigner();
    const verdict = await verify(await validToken(), { ...baseOptions, trustedKeys: [key.jwk, await signer.publicJwk()] });
    expect(verdict).toMatchObject({ ok: true, authenticity: 'trusted-key' });
  });

  it('accepts a token jose made from our canonical payload (header in jose order)', async () => {
    const token = await joseSubmission(payloadOf(), key, { header: { typ: 'yibiao+jws', jwk: key.jwk, alg: 'ES256' } });
    expect(await verify(token, baseOptions)).toMatchObject({ ok: true });
  });

  it('re-validates on the iat date in Asia/Shanghai', async () => {
    // 16:30 UTC on 22 November is 00:30 on 23 November in Beijing.
    const iat = new Date('2026-11-22T16:30:00Z');
    const token = await validToken(payloadOf(validData(), { now: iat }));
    seen.today = undefined;
    expect(await verify(token, { ...baseOptions, now: new Date(iat.getTime() + 60_000) })).toMatchObject({ ok: true });
    expect(seen.today).toBe('2026-11-23');
  });

  it('accepts iat 299 s ahead of the verifier clock', async () => {
    const token = await validToken(payloadOf(validData(), { now: new Date(NOW.getTime() + 299_000) }));
    expect(await verify(token, baseOptions)).toMatchObject({ ok: true });
  });

  it('accepts with a registry that answers asynchronously', async () => {
    const verdict = await verify(await validToken(), { ...baseOptions, forms: { get: async (id) => registry.get(id) } });
    expect(verdict.ok).toBe(true);
  });
});

describe('verify: rejected submissions', () => {
  it('E_FORM_UNKNOWN for a form the registry does not have', async () => {
    const token = await tampered((p) => {
      p.form = { ...(p.form as object), id: 'otherform' };
    });
    expect(await rejected(token)).toMatchObject({ code: 'E_FORM_UNKNOWN', pointer: '/form/id' });
  });

  it('E_FORM_UNKNOWN when the registry answers with another form', async () => {
    const verdict = await rejected(await validToken(), { forms: { get: () => ({ ...form, model: { ...model, id: 'x' } }) } });
    expect(verdict.code).toBe('E_FORM_UNKNOWN');
  });

  it("E_SCHEMA_MISMATCH for another schema's hash", async () => {
    const token = await tampered((p) => {
      p.form = { ...(p.form as object), schemaHash: OTHER_SCHEMA_HASH };
    });
    expect(await rejected(token)).toMatchObject({ code: 'E_SCHEMA_MISMATCH', pointer: '/form/schemaHash' });
  });

  it('E_FORM_VERSION_MISMATCH for another version with the same hash', async () => {
    const token = await tampered((p) => {
      p.form = { ...(p.form as object), version: '1.1.0' };
    });
    expect(await rejected(token)).toMatchObject({ code: 'E_FORM_VERSION_MISMATCH' });
  });

  it('E_DATA_INVALID with localised issues that do not echo the value', async () => {
    const data = validData();
    (data.applicant as Record<string, unknown>).mobile = '10987654321';
    const verdict = await rejected(await validToken(payloadOf(data)));
    expect(verdict.code).toBe('E_DATA_INVALID');
    expect(verdict.issues).toEqual([expect.objectContaining({ path: '/applicant/mobile', code: 'pattern', severity: 'error' })]);
    expect(JSON.stringify(verdict)).not.toContain('10987654321');
    expect(JSON.stringify(verdict)).not.toContain('张三');
  });

  it('E_DATA_INVALID for a missing section of a ticked service', async () => {
    const token = await tampered((p) => {
      delete p.data.housingFund;
    });
    const verdict = await rejected(token);
    expect(verdict.code).toBe('E_DATA_INVALID');
    expect(verdict.issues?.[0]).toMatchObject({ path: '/housingFund', code: 'required:section' });
  });

  it('E_UNTICKED_SECTION for a smuggled section of an unticked service', async () => {
    const token = await tampered((p) => {
      p.services = ['socialSecurityCard'];
      p.data.services = ['socialSecurityCard'];
      p.routing = deriveRouting(model, ['socialSecurityCard']);
    });
    expect(await rejected(token)).toMatchObject({ code: 'E_UNTICKED_SECTION', pointer: '/data/housingFund' });
  });

  it('E_UNTICKED_SECTION for a file of an unticked service', async () => {
    const token = await tampered((p) => {
      p.attachments = [{ field: 'housingFundProof', name: 'a.pdf', mediaType: 'application/pdf', size: 1, sha256: 'a'.repeat(64) }];
    }, cardOnlyData());
    expect(await rejected(token)).toMatchObject({ code: 'E_UNTICKED_SECTION', pointer: '/attachments/0/field' });
  });

  it.each<[string, (p: Record<string, unknown> & { data: Record<string, unknown> }) => void, string]>([
    ['an unknown service', (p) => void Object.assign(p, { services: ['socialSecurityCard', 'bogus'] }), '/services/1'],
    ['services out of the form order', (p) => void Object.assign(p, { services: ['housingFund', 'socialSecurityCard'] }), '/services/1'],
    ['data.services that differ from services', (p) => void Object.assign(p.data, { services: ['housingFund'] }), '/data/services'],
    ['a data member the form does not define', (p) => void Object.assign(p.data, { debug: {} }), '/data/debug'],
    [
      'an attachment of an offline-only material',
      (p) =>
        void Object.assign(p, {
          attachments: [{ field: 'paperOnly', name: 'a.pdf', mediaType: 'application/pdf', size: 1, sha256: 'a'.repeat(64) }],
        }),
      '/attachments/0/field',
    ],
  ])('E_PAYLOAD_INVALID for %s', async (_name, edit, pointer) => {
    expect(await rejected(await tampered(edit))).toMatchObject({ code: 'E_PAYLOAD_INVALID', pointer });
  });

  it('E_IAT_FUTURE for iat 301 s ahead', async () => {
    const token = await validToken(payloadOf(validData(), { now: new Date(NOW.getTime() + 301_000) }));
    expect(await rejected(token)).toMatchObject({ code: 'E_IAT_FUTURE', pointer: '/iat' });
  });

  it('E_EXPIRED for a token signed 25 h ago', async () => {
    const token = await validToken(payloadOf(validData(), { now: new Date(NOW.getTime() - 25 * 3600_000) }));
    expect(await rejected(token)).toMatchObject({ code: 'E_EXPIRED' });
  });

  it('E_EXPIRED one second past maxAgeSeconds, accepted at it', async () => {
    const token = await validToken(payloadOf(validData(), { now: new Date(NOW.getTime() - 3600_000) }));
    expect(await rejected(token, { maxAgeSeconds: 3599 })).toMatchObject({ code: 'E_EXPIRED' });
    expect(await verify(token, { ...baseOptions, maxAgeSeconds: 3600 })).toMatchObject({ ok: true });
  });

  it('E_EXPIRED when exp has passed even within maxAge', async () => {
    const token = await tampered((p) => {
      p.iat = NOW_SECONDS - 1000;
      p.exp = NOW_SECONDS - 301;
    });
    expect(await rejected(token)).toMatchObject({ code: 'E_EXPIRED', pointer: '/exp' });
  });

  it('E_REPLAY for the same token twice with the memory nonce store', async () => {
    const nonceStore = createMemoryNonceStore({ now: () => NOW });
    const token = await validToken();
    expect(await verify(token, { ...baseOptions, nonceStore })).toMatchObject({ ok: true });
    expect(await rejected(token, { nonceStore })).toMatchObject({ code: 'E_REPLAY', pointer: '/nonce' });
  });

  it('E_REPLAY for the same nonce in other bytes', async () => {
    const nonceStore = createMemoryNonceStore({ now: () => NOW });
    expect(await verify(await validToken(), { ...baseOptions, nonceStore })).toMatchObject({ ok: true });
    const other = await validToken(payloadOf(cardOnlyData()));
    expect(await rejected(other, { nonceStore })).toMatchObject({ code: 'E_REPLAY' });
  });

  it('does not burn the nonce of a token it rejects', async () => {
    const nonceStore = createMemoryNonceStore({ now: () => NOW });
    const token = await validToken();
    expect(await rejected(token, { nonceStore, maxAgeSeconds: 0, clockSkewSeconds: 0, now: new Date(NOW.getTime() + 5000) })).toMatchObject({
      code: 'E_EXPIRED',
    });
    expect(await verify(token, { ...baseOptions, nonceStore })).toMatchObject({ ok: true });
  });
});

describe('verify: attachments', () => {
  const bytes = encoder.encode('JPEG bytes');
  const other = encoder.encode('other bytes');
  let token: string;

  beforeAll(async () => {
    const { describeAttachment } = await import('../../src/submission/attachments.js');
    const ref = await describeAttachment({ field: 'idCardCopy', name: '身份证.jpg', mediaType: 'image/jpeg', bytes });
    token = await validToken(payloadOf(validData(), { attachments: [ref] }));
  });

  it('accepts the declared file', async () => {
    const verdict = await verify(token, { ...baseOptions, attachments: new Map([['身份证.jpg', bytes]]) });
    expect(verdict).toMatchObject({ ok: true, attachmentsChecked: true });
  });

  it.each([
    ['file B for a declared A', new Map([['身份证.jpg', other]])],
    ['a missing file', new Map<string, Uint8Array>()],
    ['an extra file', new Map([['身份证.jpg', bytes], ['x.png', other]])],
    ['a truncated file', new Map([['身份证.jpg', bytes.subarray(1)]])],
  ])('E_ATTACHMENT_DIGEST for %s', async (_name, files) => {
    expect(await rejected(token, { attachments: files })).toMatchObject({ code: 'E_ATTACHMENT_DIGEST' });
  });

  it('E_LIMIT for a file larger than its material allows', async () => {
    const big = await tampered((p) => {
      p.attachments = [{ field: 'idCardCopy', name: 'a.jpg', mediaType: 'image/jpeg', size: 2 * 1024 * 1024, sha256: 'a'.repeat(64) }];
    });
    expect(await rejected(big)).toMatchObject({ code: 'E_LIMIT', pointer: '/attachments/0/size' });
  });
});

describe('verify: programmer and infrastructure errors', () => {
  it('throws a usage error for bad options', async () => {
    const token = await validToken();
    await expect(verify(token, {} as VerifyOptions)).rejects.toThrow(YibiaoUsageError);
    await expect(verify(token, { ...baseOptions, algorithms: ['HS256' as 'ES256'] })).rejects.toThrow(YibiaoUsageError);
    await expect(verify(token, { ...baseOptions, algorithms: [] })).rejects.toThrow(YibiaoUsageError);
    await expect(verify(token, { ...baseOptions, trustedKeys: [{ kty: 'oct', k: 'AAAA' }] })).rejects.toThrow(YibiaoUsageError);
    await expect(verify(token, { ...baseOptions, clockSkewSeconds: -1 })).rejects.toThrow(YibiaoUsageError);
    await expect(verify(token, { ...baseOptions, now: new Date(Number.NaN) })).rejects.toThrow(YibiaoUsageError);
  });

  it('lets a failing registry or nonce store throw instead of calling the token bad', async () => {
    const token = await validToken();
    const broken = new Error('database down');
    await expect(verify(token, { ...baseOptions, forms: { get: () => Promise.reject(broken) } })).rejects.toBe(broken);
    await expect(verify(token, { ...baseOptions, nonceStore: { checkAndStore: () => Promise.reject(broken) } })).rejects.toBe(broken);
  });

  it('re-signing with a new key keeps the submission id (retry)', async () => {
    const first = payloadOf();
    const again = buildPayload({ model, data: validData(), lang: 'zh-CN', now: NOW, submissionId: first.submissionId });
    const verdict = await verify(await signSubmission(again, await createDeviceSigner()), baseOptions);
    expect(verdict.ok && verdict.payload.submissionId).toBe(first.submissionId);
  });

  it('never includes personal data in a failure, for every code reached here', async () => {
    const data = validData();
    const token = await validToken(payloadOf(data));
    const failures = [
      await rejected(token, { now: new Date(NOW.getTime() + 30 * 3600_000) }),
      await rejected(token, { trustedKeys: [key.jwk] }),
      await rejected(flipBit(token, 'signature', 0, 0)),
    ];
    for (const failure of failures) {
      const text = JSON.stringify(failure);
      expect(text).not.toContain('13812345678');
      expect(text).not.toContain('张三');
      expect(text).not.toMatch(/\bat \w+ \(/); // no stack trace
    }
    expect(failures.map((f) => f.code)).toEqual(['E_EXPIRED', 'E_KEY_UNTRUSTED', 'E_SIG_INVALID']);
  });
});
