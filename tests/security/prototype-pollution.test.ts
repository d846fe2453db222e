/**
 * Prototype pollution (SECURITY.md §2, §3 cases 5 and 6): `__proto__`,
 * `constructor` and `prototype` keys anywhere in data are refused with a
 * named code by everything that reads untrusted JSON (canonicaliser, strict
 * parser, verifier), dropped by the widget's state functions, and never reach
 * `Object.prototype`; validators compiled with ajv `ownProperties` never
 * count an inherited member as present.
 */
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compileForm } from '../../src/compile/compile-form.js';
import { cloneJson, readPointer, submissionData, writePointer } from '../../src/runtime/form-state.js';
import { validateData } from '../../src/runtime/validate.js';
import { canonicalBytes, parseCanonical } from '../../src/submission/canonicalize.js';
import { buildPayload } from '../../src/submission/payload.js';
import { verify } from '../../src/submission/verify.js';
import { builtForm } from '../helpers/forms.js';
import { cardOnlyData, model as fixtureModel, NOW } from '../submission/fixture-form.js';
import { baseOptions, decoder, encoder, joseToken, payloadOf, testKey } from '../submission/helpers.js';
import { builtRegistry, examplePayload, expectNoPollution, fuzzRuns, type Obj, refusal, signWith } from './helpers.js';
import { buildInto, hostileProject, removeProject } from './hostile-form.js';
import { FORBIDDEN_KEYS } from './payloads.js';

const RUNS = fuzzRuns(100);

afterEach(() => {
  expectNoPollution();
});

/**
 * JSON within the limits, with one canonical form and no forbidden key of its
 * own (fc.jsonValue makes "__proto__" keys too), so that the key planted is
 * the only thing wrong: -0 (JCS writes 0) and integers beyond 2^53 (E_LIMIT)
 * become 0.
 */
const json = fc.jsonValue({ maxDepth: 4 }).map(
  (value) =>
    JSON.parse(JSON.stringify(value), (k, v: unknown) => {
      if (FORBIDDEN_KEYS.includes(k)) return undefined;
      return typeof v === 'number' && (Object.is(v, -0) || (Number.isInteger(v) && !Number.isSafeInteger(v))) ? 0 : v;
    }) as unknown,
);

/**
 * Puts `{ [key]: {"polluted": true} }` as an OWN member at a random place of
 * `value` (following `path` through objects and arrays), as JSON.parse would
 * for hostile text. Returns the new value and the pointer of the member.
 */
function plant(value: unknown, path: readonly number[], key: string): { value: unknown; pointer: string } {
  const member = (): Obj => {
    const o: Obj = {};
    Object.defineProperty(o, key, { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
    return o;
  };
  const go = (node: unknown, depth: number, pointer: string): { value: unknown; pointer: string } => {
    const step = path[depth];
    if (Array.isArray(node) && node.length > 0 && step !== undefined) {
      const i = step % node.length;
      const inner = go(node[i], depth + 1, `${pointer}/${i}`);
      const copy = [...node];
      copy[i] = inner.value;
      return { value: copy, pointer: inner.pointer };
    }
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      const keys = Object.keys(node);
      if (keys.length > 0 && step !== undefined && step % 2 === 0) {
        const k = keys[step % keys.length] as string;
        const inner = go((node as Obj)[k], depth + 1, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        const copy: Obj = { ...(node as Obj) };
        copy[k] = inner.value;
        return { value: copy, pointer: inner.pointer };
      }
      const copy: Obj = { ...(node as Obj) };
      Object.defineProperty(copy, key, { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
      return { value: copy, pointer: `${pointer}/${key}` };
    }
    return { value: member(), pointer: `${pointer}/${key}` };
  };
  return go(value, 0, '');
}

const planted = fc
  .tuple(json, fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(...FORBIDDEN_KEYS))
  .map(([value, path, key]) => ({ key, ...plant(value, path, key) }));

describe('case 5: fc.jsonValue() with __proto__, constructor or prototype at a random path is refused', () => {
  it('canonicalBytes (what the widget signs) refuses it with E_PAYLOAD_INVALID at its pointer (fc)', () => {
    fc.assert(
      fc.property(planted, ({ value, pointer }) => {
        const { error } = refusal(() => canonicalBytes(value));
        expect(error.code).toBe('E_PAYLOAD_INVALID');
        expect(error.pointer).toBe(pointer);
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it('parseCanonical (what the verifier reads) refuses the JSON text with E_PAYLOAD_INVALID, before building it (fc)', () => {
    fc.assert(
      fc.property(planted, ({ value, pointer }) => {
        const text = JSON.stringify(value);
        expect(text).toContain('"polluted":true');
        const { error } = refusal(() => parseCanonical(encoder.encode(text)));
        expect(error.code).toBe('E_PAYLOAD_INVALID');
        expect(error.pointer).toBe(pointer);
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it('verify refuses a properly signed token whose data carries one (fc)', async () => {
    const key = await testKey();
    const text = decoder.decode(canonicalBytes(payloadOf(cardOnlyData())));
    await fc.assert(
      fc.asyncProperty(planted, async ({ value, key: forbidden }) => {
        const member = JSON.stringify(value);
        const bytes = encoder.encode(text.replace('"data":{', () => `"data":{"extra":${member},`));
        const token = await joseToken({ alg: 'ES256', typ: 'yibiao+jws', jwk: key.jwk }, bytes, key.privateKey);
        const verdict = await verify(token, baseOptions);
        expect(verdict).toMatchObject({ ok: false, code: 'E_PAYLOAD_INVALID' });
        expect(verdict.ok ? '' : verdict.pointer).toContain(`/${forbidden}`);
        expectNoPollution();
      }),
      { numRuns: Math.min(RUNS, 50) },
    );
  });

  it('the widget state drops it: cloneJson, writePointer, readPointer and submissionData (fc)', async () => {
    const form = await builtForm('shandong');
    fc.assert(
      fc.property(planted, ({ value, key }) => {
        const copy = JSON.stringify(cloneJson(value) ?? null);
        // As a member name only: "prototype" may be a string value too.
        expect(copy).not.toContain(`"${key}":`);
        expectNoPollution();
        const data = { services: ['socialSecurityCard'], applicant: value } as Obj;
        expect(JSON.stringify(submissionData(form.model, JSON.parse(JSON.stringify(data))))).not.toContain(`"${key}":`);
        expect(writePointer({}, `/${key}/polluted`, true)).toEqual({});
        expect(writePointer({}, `/applicant/${key}/polluted`, true)).toEqual({});
        expect(readPointer({}, `/${key}`)).toBeUndefined();
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it('buildPayload drops it from the data it signs', () => {
    const data = JSON.parse('{"services":["socialSecurityCard"],"__proto__":{"polluted":1},"applicant":{"name":"李四","mobile":"13912345678","paymentMethod":"cash","constructor":{"prototype":{"polluted":2}}}}') as Obj;
    const payload = buildPayload({ model: fixtureModel, data, lang: 'zh-CN', now: NOW });
    expect(JSON.stringify(payload)).not.toMatch(/__proto__|constructor|prototype|polluted/);
    expect(() => canonicalBytes(payload)).not.toThrow();
  });

  it('a compiled validator refuses data with an own __proto__ member (JSON.parse makes it own) without polluting', async () => {
    const form = await builtForm('shandong');
    const result = validateData(form, JSON.parse('{"__proto__":{"polluted":true,"services":["x"]},"services":["pensionRegistration"]}'));
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.code)).toContain('propertyNames');
  });
});

describe('case 6: inherited members never count as present', () => {
  let validate: (data: unknown) => boolean;
  let errors: () => readonly { keyword: string; params: Readonly<Record<string, unknown>> }[];

  beforeAll(async () => {
    const paths = hostileProject((f) => {
      const applicant = (f.schema.properties as Obj).applicant;
      applicant.required = ['toString', 'name'];
      applicant.properties.toString = { type: 'string', title: '字符串', maxLength: 10 };
      (f.en.fields as Obj)['/applicant/toString'] = { title: 'String' };
    });
    const compiled = await compileForm(paths, 'test', paths.rulesRuntime);
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const built = await buildInto(compiled.artefacts!, paths, 'stub');
    removeProject(paths);
    validate = (data) => built.validate.call({ today: '2026-11-23' }, data);
    errors = () => built.validate.errors ?? [];
  });

  it('required:["toString"] against {} is invalid (ajv ownProperties)', () => {
    expect(validate({ services: ['pensionRegistration'], applicant: { name: '张三' } })).toBe(false);
    expect(errors()).toContainEqual(expect.objectContaining({ keyword: 'required', params: { missingProperty: 'toString' } }));
    expect(validate({ services: ['pensionRegistration'], applicant: { name: '张三', toString: '有' } })).toBe(true);
  });

  it('a section whose object inherits every required member is still missing them', () => {
    const inherits = Object.create({ name: '张三', toString: '有' }) as Obj;
    expect(validate({ services: ['pensionRegistration'], applicant: inherits })).toBe(false);
    expect(errors().map((e) => e.params.missingProperty)).toEqual(expect.arrayContaining(['toString', 'name']));
  });

  it('restored data with __proto__ is ignored: the data property copy keeps no such member (the draft path: drafts.browser.test.ts)', () => {
    const restored = JSON.parse('{"__proto__":{"polluted":true},"applicant":{"__proto__":{"polluted":true},"name":"张三"}}') as unknown;
    expect(cloneJson(restored)).toEqual({ applicant: { name: '张三' } });
    expect(Object.getPrototypeOf(cloneJson(restored))).toBe(Object.prototype);
  });
});

describe('a polluted prototype does not make the verifier accept', () => {
  it('a Shandong token missing 姓名 is refused even while Object.prototype.name is set', async () => {
    const { payload, now } = await examplePayload('shandong', 'valid/one-service-pension.json');
    delete payload.data.applicant.name;
    const token = await signWith(await testKey(), payload);
    const proto = Object.prototype as Obj;
    proto.name = '张三';
    let verdict: Awaited<ReturnType<typeof verify>>;
    try {
      verdict = await verify(token, { forms: builtRegistry, now });
    } finally {
      delete proto.name;
    }
    expect(verdict).toMatchObject({ ok: false, code: 'E_DATA_INVALID' });
    expect(verdict.ok ? [] : verdict.issues?.map((i) => i.path)).toContain('/applicant/name');
  });
});
