/** `routing` in the payload: derived from the model, checked exactly by the verifier. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormModel } from '../../src/ir/types.js';
import { YibiaoUsageError } from '../../src/submission/errors.js';
import { buildPayload } from '../../src/submission/payload.js';
import { checkPayloadShape } from '../../src/submission/payload-shape.js';
import { DEPARTMENTS, deriveRouting } from '../../src/submission/routing.js';
import { type VerifyFailure, verify } from '../../src/submission/verify.js';
import { cardOnlyData, model, NOW, validData } from './fixture-form.js';
import { baseOptions, joseSubmission, mutablePayload, payloadOf, testKey, validToken } from './helpers.js';

const distForms = new URL('../../dist/forms/', import.meta.url);

/** The models of every built form (the suite runs after `npm run build`). */
function builtModels(): FormModel[] {
  if (!existsSync(distForms)) return [];
  return readdirSync(distForms)
    .filter((id) => existsSync(new URL(`${id}/model.json`, distForms)))
    .map((id) => JSON.parse(readFileSync(new URL(`${id}/model.json`, distForms), 'utf8')) as FormModel);
}

const sectionsOf = (m: FormModel) => {
  const always = m.sections.filter((s) => s.service === undefined && !m.services.some((v) => v.sections.includes(s.key))).map((s) => `/${s.key}`);
  return { always };
};

describe('deriveRouting', () => {
  it('gives each department its services and the always-present sections plus its services’ sections', () => {
    expect(deriveRouting(model, ['socialSecurityCard', 'housingFund'])).toEqual({
      hrss: { services: ['socialSecurityCard'], paths: ['/applicant'] },
      housingFund: { services: ['housingFund'], paths: ['/applicant', '/housingFund'] },
    });
    expect(deriveRouting(model, ['socialSecurityCard'])).toEqual({ hrss: { services: ['socialSecurityCard'], paths: ['/applicant'] } });
    expect(deriveRouting(model, [])).toEqual({});
  });

  it('routes the shandong form: applicant and declaration to every department, each section to its department', () => {
    const shandong = builtModels().find((m) => m.id === 'shandong');
    expect(shandong, 'run `npm run build` first').toBeDefined();
    if (shandong === undefined) return;
    expect(deriveRouting(shandong, shandong.services.map((s) => s.id))).toEqual({
      hrss: {
        services: ['pensionRegistration', 'socialSecurityCard', 'archiveTransfer', 'employmentRegistration'],
        paths: ['/applicant', '/socialSecurityCard', '/archiveTransfer', '/employmentRegistration', '/declaration'],
      },
      medicalInsurance: { services: ['medicalInsuranceRegistration'], paths: ['/applicant', '/medicalInsuranceRegistration', '/declaration'] },
      tax: { services: ['contributionDeclaration'], paths: ['/applicant', '/declaration'] },
      housingFund: { services: ['housingFundAccount'], paths: ['/applicant', '/housingFundAccount', '/declaration'] },
    });
    expect(deriveRouting(shandong, ['pensionRegistration'])).toEqual({
      hrss: { services: ['pensionRegistration'], paths: ['/applicant', '/declaration'] },
    });
  });

  it('for every built form and tick set: exactly the ticked departments, services and sections (fc)', () => {
    const models = builtModels();
    expect(models.length).toBeGreaterThan(0);
    for (const m of models) {
      const ids = m.services.map((s) => s.id);
      const { always } = sectionsOf(m);
      fc.assert(
        fc.property(fc.subarray(ids), (ticked) => {
          const routing = deriveRouting(m, ticked);
          const departments = new Set(m.services.filter((s) => ticked.includes(s.id)).map((s) => s.department));
          expect(Object.keys(routing).sort()).toEqual([...departments].sort());
          const routed = DEPARTMENTS.flatMap((d) => routing[d]?.services ?? []);
          expect([...routed].sort()).toEqual([...ticked].sort());
          for (const [department, route] of Object.entries(routing)) {
            for (const path of always) expect(route.paths, `${m.id} ${department}`).toContain(path);
            expect(route.paths).not.toContain(m.servicesPath);
            for (const section of m.sections) {
              const switchers = m.services.filter((s) => s.id === section.service || s.sections.includes(section.key));
              if (switchers.length === 0) continue;
              const own = switchers.some((s) => s.department === department && ticked.includes(s.id));
              expect(route.paths.includes(`/${section.key}`), `${m.id} ${department} /${section.key}`).toBe(own);
            }
          }
        }),
        { numRuns: 100 },
      );
    }
  });

  it('throws a usage error for a department this version does not know', () => {
    const odd = { ...model, services: [{ ...model.services[0], department: 'civilAffairs' }] } as unknown as FormModel;
    expect(() => deriveRouting(odd, ['socialSecurityCard'])).toThrow(YibiaoUsageError);
  });
});

describe('buildPayload writes routing', () => {
  it('as deriveRouting of the ticked services', () => {
    expect(payloadOf().routing).toEqual(deriveRouting(model, ['socialSecurityCard', 'housingFund']));
    const unticked = buildPayload({ model, data: { ...validData(), services: ['housingFund', 'nonsense'] }, lang: 'zh-CN', now: NOW });
    expect(unticked.routing).toEqual({ housingFund: { services: ['housingFund'], paths: ['/applicant', '/housingFund'] } });
  });

  it('which the verifier accepts', async () => {
    expect(await verify(await validToken(), baseOptions)).toMatchObject({ ok: true });
  });
});

describe('verify: routing', () => {
  let key: Awaited<ReturnType<typeof testKey>>;
  beforeAll(async () => {
    key = await testKey();
  });

  async function rejected(edit: (routing: Record<string, { services: string[]; paths: string[] }>, p: Record<string, unknown>) => void) {
    const payload = mutablePayload();
    edit(payload.routing as Record<string, { services: string[]; paths: string[] }>, payload);
    const verdict = await verify(await joseSubmission(payload, key), baseOptions);
    if (verdict.ok) throw new Error('expected a rejection');
    return verdict as VerifyFailure;
  }

  it.each<[string, (r: Record<string, { services: string[]; paths: string[] }>) => void, string]>([
    ['a department left out', (r) => void delete r.housingFund, '/routing/housingFund'],
    ['a department none of whose services is ticked', (r) => {
      r.tax = { services: ['socialSecurityCard'], paths: ['/applicant'] };
    }, '/routing/tax'],
    ['a service moved to another department', (r) => {
      r.hrss = { services: ['socialSecurityCard', 'housingFund'], paths: ['/applicant'] };
      r.housingFund = { services: ['socialSecurityCard'], paths: ['/applicant', '/housingFund'] };
    }, '/routing/hrss/services'],
    ['a section given to a department that is not its own', (r) => {
      r.hrss = { services: ['socialSecurityCard'], paths: ['/applicant', '/housingFund'] };
    }, '/routing/hrss/paths'],
    ['an always-present section withheld', (r) => {
      r.housingFund = { services: ['housingFund'], paths: ['/housingFund'] };
    }, '/routing/housingFund/paths'],
    ['paths in another order', (r) => {
      r.housingFund = { services: ['housingFund'], paths: ['/housingFund', '/applicant'] };
    }, '/routing/housingFund/paths'],
    ['a deeper path than the section', (r) => {
      r.hrss = { services: ['socialSecurityCard'], paths: ['/applicant/name'] };
    }, '/routing/hrss/paths'],
  ])('E_ROUTING_MISMATCH for %s', async (_name, edit, pointer) => {
    expect(await rejected(edit)).toMatchObject({ code: 'E_ROUTING_MISMATCH', pointer });
  });

  it('E_ROUTING_MISMATCH when services and routing disagree although both look well-formed', async () => {
    const verdict = await rejected((_r, p) => {
      p.services = ['socialSecurityCard'];
      (p.data as Record<string, unknown>).services = ['socialSecurityCard'];
      delete (p.data as Record<string, unknown>).housingFund;
    });
    expect(verdict).toMatchObject({ code: 'E_ROUTING_MISMATCH', pointer: '/routing/housingFund' });
  });

  it.each<[string, (r: Record<string, unknown>, p: Record<string, unknown>) => void, string]>([
    ['no routing', (_r, p) => void delete p.routing, '/routing'],
    ['routing that is an array', (_r, p) => {
      p.routing = [];
    }, '/routing'],
    ['an unknown department', (r) => {
      r.civilAffairs = { services: ['x'], paths: ['/applicant'] };
    }, '/routing'],
    ['a route with an extra member', (r) => {
      r.hrss = { services: ['socialSecurityCard'], paths: ['/applicant'], data: {} };
    }, '/routing/hrss'],
    ['a duplicate path', (r) => {
      r.hrss = { services: ['socialSecurityCard'], paths: ['/applicant', '/applicant'] };
    }, '/routing/hrss/paths/1'],
    ['a path that is not a JSON pointer', (r) => {
      r.hrss = { services: ['socialSecurityCard'], paths: ['applicant'] };
    }, '/routing/hrss/paths/0'],
    ['a bad pointer escape', (r) => {
      r.hrss = { services: ['socialSecurityCard'], paths: ['/a~2b'] };
    }, '/routing/hrss/paths/0'],
    ['a route without services', (r) => {
      r.hrss = { services: [], paths: ['/applicant'] };
    }, '/routing/hrss/services'],
  ])('E_PAYLOAD_INVALID for %s', async (_name, edit, pointer) => {
    expect(await rejected((r, p) => edit(r as Record<string, unknown>, p))).toMatchObject({ code: 'E_PAYLOAD_INVALID', pointer });
  });

  it('checkPayloadShape accepts routing of built payloads, with one service or many', () => {
    expect(checkPayloadShape(payloadOf(cardOnlyData()))).toBeDefined();
    expect(checkPayloadShape(payloadOf())).toBeDefined();
  });
});
