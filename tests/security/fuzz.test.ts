/**
 * Fuzzing in Node (the issue's item 5; SECURITY.md §3 cases 9 and 16 at
 * volume): random data through every built form's compiled validator never
 * throws and agrees with ajv compiling the published schema afresh; random
 * bytes and byte flips through `verify` are always refused, never thrown;
 * canonicalisation round-trips. The browser half, which compares verdicts
 * with these, is tests/security/fuzz.browser.test.ts.
 *
 * Runs: a fixed count in CI (each property ≤ ~2 s); `npm run fuzz` runs 20×
 * more, and `FUZZ_RUNS=<n>` sets the count of every property directly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAjv } from '../../src/compile/ajv-instance.js';
import { compactEnums } from '../../src/compile/compact-enum.js';
import { validateData } from '../../src/runtime/validate.js';
import type { CompiledValidateFunction, RawValidationError } from '../../src/runtime/validation-types.js';
import { canonicalBytes, parseCanonical } from '../../src/submission/canonicalize.js';
import { YibiaoVerifyError } from '../../src/submission/errors.js';
import { signSubmission } from '../../src/submission/sign.js';
import { verify } from '../../src/submission/verify.js';
import { ROOT } from '../helpers/forms.js';
import { changeCharacter, flipBit } from '../helpers/tamper.js';
import { deviceSigner } from '../submission/helpers.js';
import { FUZZ_SEEDS, fixedSamples, formData } from './fuzz-data.js';
import { builtRegistry, example, examplePayload, expectNoPollution, fuzzRuns, type Obj } from './helpers.js';

const runs = fuzzRuns;
/** A test timeout that grows with the run count, so `npm run fuzz` is never cut short. */
const timeout = (ci: number) => 30_000 + runs(ci) * 50;

const TODAY = '2026-11-23';

/** Forms built into dist/forms that have a valid example to fuzz around. */
const FORMS = readdirSync(path.join(ROOT, 'dist', 'forms')).filter((id) => {
  try {
    readFileSync(path.join(ROOT, 'dist', 'forms', id, 'model.json'));
    return readdirSync(path.join(ROOT, 'forms', id, 'examples', 'valid')).some((f) => f.endsWith('.json'));
  } catch {
    return false;
  }
});

function firstValid(formId: string): Obj {
  const file = readdirSync(path.join(ROOT, 'forms', formId, 'examples', 'valid')).filter((f) => f.endsWith('.json')).sort()[0] as string;
  return example(formId, `valid/${file}`).data;
}

/** What a verdict is made of, in a comparable form: validity, then each error's place, keyword and code. */
function verdictOf(valid: boolean, errors: readonly RawValidationError[] | null | undefined): string {
  return JSON.stringify([valid, (errors ?? []).map((e) => [e.instancePath, e.schemaPath, e.keyword, (e.params as Obj).code ?? null]).sort()]);
}

describe.each(FORMS)('fuzz: the %s validator', (formId) => {
  let validate: CompiledValidateFunction;
  let fresh: (data: unknown) => string;

  beforeAll(async () => {
    const form = await builtRegistry.get(formId);
    if (form === undefined) throw new Error(`dist/forms/${formId} is missing — run \`npm run build\` first`);
    validate = form.validate;
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'forms', formId, 'schema.json'), 'utf8')) as Obj;
    const ajvValidate = createAjv(false).compile(compactEnums(schema));
    fresh = (data) => {
      const valid = ajvValidate.call({ today: TODAY, warnings: [] }, data) as boolean;
      return verdictOf(valid, ajvValidate.errors as RawValidationError[] | null);
    };
  });

  it('never throws on model-shaped random data, and gives the same verdict twice (fc)', async () => {
    const form = (await builtRegistry.get(formId))!;
    fc.assert(
      fc.property(formData(form.model, firstValid(formId)), (data) => {
        const first = validateData(form, data, { today: TODAY });
        const again = validateData(form, structuredClone(data), { today: TODAY });
        expect(again).toEqual(first);
        for (const issue of first.errors) expect(issue.message['zh-CN']).not.toBe('');
        expectNoPollution();
      }),
      { numRuns: runs(100) },
    );
  }, timeout(100));

  it('never throws on any JSON (fc.jsonValue)', async () => {
    const form = (await builtRegistry.get(formId))!;
    fc.assert(
      fc.property(fc.jsonValue(), (data) => {
        expect(() => validateData(form, data, { today: TODAY })).not.toThrow();
      }),
      { numRuns: runs(150) },
    );
  }, timeout(150));

  it('the shipped standalone validator agrees with ajv compiling the published schema afresh (fixed samples, then fc)', async () => {
    const form = (await builtRegistry.get(formId))!;
    const check = (data: unknown) => {
      const valid = validate.call({ today: TODAY, warnings: [] }, data);
      expect(verdictOf(valid, validate.errors)).toBe(fresh(data));
    };
    const samples = fixedSamples(form.model, firstValid(formId), 10);
    expect(samples).toHaveLength(FUZZ_SEEDS.length * 10);
    for (const data of samples) check(data);
    fc.assert(fc.property(formData(form.model, firstValid(formId)), check), { numRuns: runs(60) });
  }, timeout(60));
});

describe('fuzz: verify refuses hostile tokens and never throws', () => {
  let token: string;
  let now: Date;

  beforeAll(async () => {
    const built = await examplePayload('shandong', 'valid/one-service-pension.json');
    now = built.now;
    token = await signSubmission(built.payload as never, await deviceSigner());
    expect(await verify(token, { forms: builtRegistry, now })).toMatchObject({ ok: true });
  });

  it('any one character of the token changed → refused (fc)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 127 }), async (position, xor) => {
        const verdict = await verify(changeCharacter(token, position, xor), { forms: builtRegistry, now });
        expect(verdict.ok).toBe(false);
      }),
      { numRuns: runs(300) },
    );
  }, timeout(300));

  it('any bit of the signed payload or of the signature flipped → E_SIG_INVALID (fc)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('payload' as const, 'signature' as const), fc.nat(), fc.nat(7), async (segment, position, bit) => {
        expect(await verify(flipBit(token, segment, position, bit), { forms: builtRegistry, now })).toMatchObject({ ok: false, code: 'E_SIG_INVALID' });
      }),
      { numRuns: runs(300) },
    );
  }, timeout(300));

  it('random strings and random three-segment tokens → refused with a known code (fc)', async () => {
    const segment = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 200 });
    const [h] = token.split('.') as [string];
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.tuple(segment, segment, segment).map((t) => t.join('.')), fc.tuple(segment, segment).map(([p, s]) => `${h}.${p}.${s}`)), async (jws) => {
        const verdict = await verify(jws, { forms: builtRegistry, now });
        expect(verdict.ok).toBe(false);
        expect(verdict.ok ? '' : verdict.code).toMatch(/^E_[A-Z_]+$/);
      }),
      { numRuns: runs(300) },
    );
  }, timeout(300));
});

describe('fuzz: canonical bytes', () => {
  it('parseCanonical on random bytes throws nothing but a YibiaoVerifyError (fc.uint8Array)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.jsonValue().map((v) => new TextEncoder().encode(JSON.stringify(v)))), (bytes) => {
        try {
          parseCanonical(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(YibiaoVerifyError);
        }
      }),
      { numRuns: runs(1000) },
    );
  }, timeout(1000));

  it('round-trips: parse(JCS(v)) has the same JCS, for every v JCS accepts (fc.jsonValue)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        let bytes: Uint8Array;
        try {
          bytes = canonicalBytes(value);
        } catch (error) {
          expect(error).toBeInstanceOf(YibiaoVerifyError);
          return;
        }
        expect(canonicalBytes(parseCanonical(bytes))).toEqual(bytes);
      }),
      { numRuns: runs(500) },
    );
  }, timeout(500));
});
