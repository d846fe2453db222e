/** split() and verifyPart(): one verifiable part per department. */
import { beforeAll, describe, expect, it } from 'vitest';
import { YibiaoUsageError } from '../../src/submission/errors.js';
import { createMemoryNonceStore } from '../../src/submission/nonce-store.js';
import { type DepartmentPart, split, verifyPart } from '../../src/submission/split.js';
import { verify } from '../../src/submission/verify.js';
import { flipBit } from '../helpers/tamper.js';
import { cardOnlyData, validData } from './fixture-form.js';
import { baseOptions, payloadOf, sm2Token, validToken } from './helpers.js';

let token: string;
let parts: DepartmentPart[];

beforeAll(async () => {
  token = await validToken();
  parts = split(payloadOf(), token);
});

const part = (department: string): DepartmentPart => {
  const found = parts.find((p) => p.department === department);
  if (found === undefined) throw new Error(`no ${department} part`);
  return structuredClone(found);
};

describe('split', () => {
  it('makes one part per routed department, each with only its paths’ data and the original token', () => {
    const data = validData();
    expect(parts).toEqual([
      { department: 'hrss', services: ['socialSecurityCard'], paths: ['/applicant'], data: { applicant: data.applicant }, token },
      {
        department: 'housingFund',
        services: ['housingFund'],
        paths: ['/applicant', '/housingFund'],
        data: { applicant: data.applicant, housingFund: data.housingFund },
        token,
      },
    ]);
  });

  it('makes one part for a single-department submission', async () => {
    const payload = payloadOf(cardOnlyData());
    expect(split(payload, await validToken(payload)).map((p) => p.department)).toEqual(['hrss']);
  });

  it('refuses a token that does not carry the payload', async () => {
    expect(() => split(payloadOf(cardOnlyData()), token)).toThrow(YibiaoUsageError);
    expect(() => split({ ...payloadOf(), v: 2 } as never, token)).toThrow(YibiaoUsageError);
  });

  it('copies the data, so editing a part leaves the payload alone', () => {
    const payload = payloadOf();
    const [first] = split(payload, token);
    (first?.data.applicant as Record<string, unknown>).name = 'x';
    expect((payload.data.applicant as Record<string, unknown>).name).toBe('张三');
  });
});

describe('verifyPart', () => {
  it('accepts every part of a split, as the token and its part', async () => {
    for (const p of parts) {
      const verdict = await verifyPart(p, baseOptions);
      expect(verdict).toMatchObject({ ok: true, part: { department: p.department, paths: p.paths, data: p.data } });
    }
  });

  it('accepts a part that went through JSON (as sent between servers)', async () => {
    expect(await verifyPart(JSON.parse(JSON.stringify(part('housingFund'))), baseOptions)).toMatchObject({ ok: true });
  });

  it('accepts the parts of an SM2 token when SM3withSM2 is allow-listed, not otherwise', async () => {
    const payload = payloadOf();
    const sm2 = await sm2Token(payload);
    const [first] = split(payload, sm2);
    if (first === undefined) throw new Error('no part');
    expect(await verifyPart(first, { ...baseOptions, algorithms: ['SM3withSM2'] })).toMatchObject({ ok: true });
    expect(await verifyPart(first, baseOptions)).toMatchObject({ ok: false, code: 'E_ALG_NOT_ALLOWED' });
  });

  it.each<[string, (p: Record<string, unknown> & { data: Record<string, unknown> }) => void, string]>([
    ['a changed value', (p) => {
      (p.data.housingFund as Record<string, unknown>).monthlyAmount = '9999.00';
    }, '/part/data'],
    ['data of a path it does not list', (p) => {
      p.data = { ...p.data, extra: {} };
    }, '/part/data'],
    ['missing data of a listed path', (p) => void delete p.data.housingFund, '/part/data'],
    ['a dropped field inside a section', (p) => void delete (p.data.applicant as Record<string, unknown>).mobile, '/part/data'],
    ['a path left out', (p) => {
      p.paths = ['/housingFund'];
    }, '/part/paths'],
    ['another department’s services', (p) => {
      p.services = ['socialSecurityCard'];
    }, '/part/services'],
    ['a department the submission is not routed to', (p) => {
      p.department = 'tax';
    }, '/part/department'],
    ['an unknown department', (p) => {
      p.department = 'police';
    }, '/part/department'],
    ['an unknown member', (p) => {
      p.signature = 'x';
    }, '/part'],
    ['no data', (p) => void Reflect.deleteProperty(p, 'data'), '/part/data'],
    ['data that is not JSON-safe', (p) => {
      p.data = { ...p.data, n: Number.NaN };
    }, '/part/data'],
  ])('E_PART_MISMATCH for %s', async (_name, edit, pointer) => {
    const forged = part('housingFund') as unknown as Record<string, unknown> & { data: Record<string, unknown> };
    edit(forged);
    expect(await verifyPart(forged as unknown as DepartmentPart, baseOptions)).toMatchObject({ ok: false, code: 'E_PART_MISMATCH', pointer });
  });

  it('E_PART_MISMATCH for a part that is not an object', async () => {
    expect(await verifyPart(null as unknown as DepartmentPart, baseOptions)).toMatchObject({ code: 'E_PART_MISMATCH', pointer: '/part' });
  });

  it('refuses a part with a tampered or foreign token by the token’s own code', async () => {
    const tampered = { ...part('hrss'), token: flipBit(token, 'signature', 0, 0) };
    expect(await verifyPart(tampered, baseOptions)).toMatchObject({ ok: false, code: 'E_SIG_INVALID' });
    const foreign = { ...part('hrss'), token: await validToken(payloadOf(cardOnlyData())) };
    expect(await verifyPart(foreign, baseOptions)).toMatchObject({ ok: false, code: 'E_PART_MISMATCH', pointer: '/part/data' });
    expect(await verifyPart({ ...part('hrss'), token: 42 as unknown as string }, baseOptions)).toMatchObject({ code: 'E_MALFORMED' });
  });

  it('does not use up the nonce for a forged part, and does for an accepted one', async () => {
    const nonceStore = createMemoryNonceStore({ now: () => baseOptions.now });
    const forged = part('hrss');
    (forged.data.applicant as Record<string, unknown>).name = '李四';
    expect(await verifyPart(forged, { ...baseOptions, nonceStore })).toMatchObject({ code: 'E_PART_MISMATCH' });
    expect(nonceStore.size).toBe(0);
    expect(await verifyPart(part('hrss'), { ...baseOptions, nonceStore })).toMatchObject({ ok: true });
    expect(await verifyPart(part('hrss'), { ...baseOptions, nonceStore })).toMatchObject({ code: 'E_REPLAY' });
  });

  it('gives the same verdict on the token as verify', async () => {
    const { part: _checked, ...fromPart } = (await verifyPart(part('hrss'), baseOptions)) as Awaited<ReturnType<typeof verifyPart>> & {
      part: unknown;
    };
    expect(fromPart).toEqual(await verify(token, baseOptions));
  });
});
