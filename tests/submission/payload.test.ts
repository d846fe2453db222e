import fc from 'fast-check';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { validateData } from '../../src/runtime/validate.js';
import { YibiaoUsageError } from '../../src/submission/errors.js';
import { buildPayload } from '../../src/submission/payload.js';
import { checkPayloadShape } from '../../src/submission/payload-shape.js';
import { cardOnlyData, form, model, NOW, NOW_SECONDS, validData } from './fixture-form.js';
import { NONCE, SUBMISSION_ID } from './helpers.js';

const build = (data: unknown, extra: Partial<Parameters<typeof buildPayload>[0]> = {}) =>
  buildPayload({ model, data, lang: 'zh-CN', now: NOW, ...extra });

describe('buildPayload', () => {
  it('builds a version-1 payload for the form with exp = iat + 24 h', () => {
    const payload = build(validData(), { nonce: NONCE, submissionId: SUBMISSION_ID, lang: 'en' });
    expect(payload).toMatchObject({
      typ: 'yibiao-submission',
      v: 1,
      form: { id: 'testform', version: '1.2.0', schemaHash: model.schemaHash },
      iat: NOW_SECONDS,
      exp: NOW_SECONDS + 86_400,
      nonce: NONCE,
      submissionId: SUBMISSION_ID,
      lang: 'en',
      services: ['socialSecurityCard', 'housingFund'],
      attachments: [],
    });
    expect(checkPayloadShape(payload)).toBe(payload);
  });

  it('makes a fresh 128-bit nonce and a UUID per payload', () => {
    const a = build(validData());
    const b = build(validData());
    expect(base64url.decode(a.nonce)).toHaveLength(16);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.submissionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.submissionId).not.toBe(b.submissionId);
  });

  it('drops the housing-fund section when its service is unticked', () => {
    const data = { ...validData(), services: ['socialSecurityCard'] };
    const payload = build(data);
    expect(payload.services).toEqual(['socialSecurityCard']);
    expect(payload.data).not.toHaveProperty('housingFund');
    expect(payload.data.services).toEqual(['socialSecurityCard']);
    expect(validateData(form, payload.data, { today: '2026-11-23' }).valid).toBe(true);
  });

  it('drops keys the model does not define, at the top and inside sections', () => {
    const data = {
      ...validData(),
      debug: { token: 'x' },
      applicant: { ...(validData().applicant as object), password: 'hunter2', extra: 1 },
    };
    const payload = build(data);
    expect(Object.keys(payload.data).sort()).toEqual(['applicant', 'housingFund', 'services']);
    expect(Object.keys(payload.data.applicant as object).sort()).toEqual(['bank', 'children', 'mobile', 'name', 'paymentMethod']);
  });

  it('drops a field whose visibleWhen condition does not hold', () => {
    const data = validData();
    (data.applicant as Record<string, unknown>).paymentMethod = 'cash';
    const payload = build(data);
    expect(payload.data.applicant).not.toHaveProperty('bank');
    expect(validateData(form, payload.data, { today: '2026-11-23' }).valid).toBe(true);
  });

  it('keeps only known services, once each, in the form order', () => {
    const data = { ...validData(), services: ['housingFund', 'bogus', 'socialSecurityCard', 'housingFund', 7] };
    expect(build(data).services).toEqual(['socialSecurityCard', 'housingFund']);
  });

  it('NFC-normalises strings and leaves numbers as given', () => {
    const data = cardOnlyData();
    (data.applicant as Record<string, unknown>).name = 'Zoe\u0301'; // e + combining acute (NFD)
    (data.applicant as Record<string, unknown>).children = 3;
    const payload = build(data);
    expect((payload.data.applicant as Record<string, unknown>).name).toBe('Zoé');
    expect((payload.data.applicant as Record<string, unknown>).children).toBe(3);
  });

  it('drops undefined members instead of signing them', () => {
    const data = cardOnlyData();
    (data.applicant as Record<string, unknown>).children = undefined;
    expect(build(data).data.applicant).not.toHaveProperty('children');
  });

  it('does not mutate the input data', () => {
    const data = validData();
    const before = structuredClone(data);
    build({ ...data, services: ['socialSecurityCard'] });
    expect(data).toEqual(before);
  });

  it('keeps sections of ticked services only, for any tick set (fc.subarray)', () => {
    const ids = model.services.map((s) => s.id);
    fc.assert(
      fc.property(fc.subarray(ids), fc.shuffledSubarray(['x', 'y', ...ids]), (ticked, noise) => {
        const payload = build({ ...validData(), services: [...noise, ...ticked] });
        const tickedIds = new Set([...noise, ...ticked].filter((id) => ids.includes(id)));
        expect(payload.services).toEqual(ids.filter((id) => tickedIds.has(id)));
        for (const key of Object.keys(payload.data)) {
          const section = model.sections.find((s) => s.key === key);
          if (key === 'services') continue;
          expect(section).toBeDefined();
          if (section?.service !== undefined) expect(payload.services).toContain(section.service);
        }
      }),
    );
  });

  it('carries attachments with NFC names', () => {
    const payload = build(validData(), {
      attachments: [{ field: 'idCardCopy', name: 'Jose\u0301.jpg', mediaType: 'image/jpeg', size: 3, sha256: 'a'.repeat(64) }],
    });
    expect(payload.attachments).toEqual([
      { field: 'idCardCopy', name: 'José.jpg', mediaType: 'image/jpeg', size: 3, sha256: 'a'.repeat(64) },
    ]);
  });

  it.each([
    ['data that is not an object', { data: [1] }],
    ['an unknown language', { lang: 'fr' }],
    ['an invalid date', { now: new Date('nope') }],
    ['a short nonce', { nonce: base64url.encode(new Uint8Array(8)) }],
    ['a non-canonical nonce', { nonce: `${NONCE.slice(0, -1)}x` }],
    ['an upper-case submission id', { submissionId: SUBMISSION_ID.toUpperCase() }],
  ])('throws a usage error for %s', (_name, extra) => {
    expect(() => build(validData(), extra as never)).toThrow(YibiaoUsageError);
  });
});
