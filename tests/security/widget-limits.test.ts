/**
 * What the widget accepts (SECURITY.md §2 "Limits", §3 case 8; docs/security.md
 * O-6): the data a host assigns or a draft brings is copied iteratively and
 * checked against the verifier's limits (`src/submission/limits.ts`) as it is
 * copied. 2,000-deep nesting, a 5 MB string and 10,000 items are refused by
 * name and JSON pointer within the case-8 bound, never with a stack overflow;
 * data at the limits, and every shipped example, is taken whole. The element
 * itself (the thrown TypeError, the event, the state kept, the draft
 * discarded) is tests/security/widget-limits.browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { dataLimitMessage, takeFormData, WIDGET_DATA_LIMITS } from '../../src/runtime/data-limits.js';
import { cloneJson } from '../../src/runtime/form-state.js';
import { copyJson, UNBOUNDED } from '../../src/runtime/json-copy.js';
import { MAX_ARRAY_LENGTH, MAX_DEPTH, MAX_KEYS, MAX_PAYLOAD_BYTES, MAX_STRING_LENGTH } from '../../src/submission/limits.js';
import { example, expectNoPollution, withinBound } from './helpers.js';

const FIVE_MB = 5 * 1024 * 1024;
/** The bound SECURITY.md §3 case 8 sets for every refusal. */
const LIMIT_MS = 100;

/** `{ a: { a: … 0 } }` or `[[… 0]]`, `depth` containers deep. */
function deep(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i += 1) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** A form-shaped object holding `value` at /applicant/x. */
const holding = (value: unknown) => ({ services: ['pensionRegistration'], applicant: { name: '张三', x: value } });

describe('case 8 in the widget: data beyond the verifier\'s limits is refused, whole and by name', () => {
  // Factories: vitest must not see (and format) 100,000-deep values.
  it.each([
    ['2,000-deep arrays', () => holding(deep(2_000, 'array')), 'depth', MAX_DEPTH],
    ['100,000-deep objects', () => holding(deep(100_000, 'object')), 'depth', MAX_DEPTH],
    ['a 5 MB string', () => holding('张'.repeat(FIVE_MB)), 'string', MAX_STRING_LENGTH],
    ['10,000 items', () => holding(Array.from({ length: 10_000 }, (_, i) => i)), 'array', MAX_ARRAY_LENGTH],
    ['a 5 MB key', () => ({ applicant: { ['k'.repeat(FIVE_MB)]: 1 } }), 'string', MAX_STRING_LENGTH],
    ['10,000 members', () => ({ applicant: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`f${i}`, i])) }), 'keys', MAX_KEYS],
    ['300 KiB in strings within every other limit', () => ({ applicant: Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, 'a'.repeat(2_000)])) }), 'size', MAX_PAYLOAD_BYTES],
  ] as const)('%s → E_DATA_LIMIT (%s), in < 100 ms, without a RangeError', async (_what, make, limit, max) => {
    const value = make();
    const { value: taken, ms } = await withinBound(LIMIT_MS, () => takeFormData(value));
    expect(taken).toMatchObject({ ok: false, problem: { code: 'E_DATA_LIMIT', limit, max } });
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('names the JSON pointer of the value that passed the limit', () => {
    expect(takeFormData(holding('x'.repeat(MAX_STRING_LENGTH + 1)))).toMatchObject({ ok: false, problem: { pointer: '/applicant/x' } });
    expect(takeFormData({ 'a/b': { '~': [1, 2, 'x'.repeat(MAX_STRING_LENGTH + 1)] } })).toMatchObject({ ok: false, problem: { pointer: '/a~1b/~0/2' } });
    expect(takeFormData(holding(Array.from({ length: 101 }, () => 0)))).toMatchObject({ ok: false, problem: { pointer: '/applicant/x' } });
    // A long key is named by its start, so the message stays short.
    expect(takeFormData({ applicant: { ['k'.repeat(FIVE_MB)]: 1 } })).toMatchObject({ ok: false, problem: { pointer: `/applicant/${'k'.repeat(32)}…` } });
  });

  it('counts code points, not UTF-16 units: 2,000 astral characters pass, 2,001 do not', () => {
    expect(takeFormData(holding('😀'.repeat(MAX_STRING_LENGTH)))).toMatchObject({ ok: true });
    expect(takeFormData(holding('😀'.repeat(MAX_STRING_LENGTH + 1)))).toMatchObject({ ok: false, problem: { limit: 'string' } });
  });

  it('says which limit and where in both languages, and never echoes the data', () => {
    const refused = takeFormData(holding(`370102199003071510${'x'.repeat(MAX_STRING_LENGTH)}`));
    if (refused.ok) throw new Error('expected a refusal');
    const message = dataLimitMessage(refused.problem);
    expect(message.en).toBe('The form data was refused (E_DATA_LIMIT): the text at /applicant/x is longer than 2000 characters');
    expect(message['zh-CN']).toBe('表单数据未被接受（E_DATA_LIMIT）：/applicant/x 的文字超过 2000 个字符');
    expect(JSON.stringify(message)).not.toContain('370102');
  });
});

describe('data within the limits is taken whole', () => {
  it('takes nesting of exactly 32, 100 items, 2,000-character strings, 2,000 members', () => {
    const atLimits = {
      deep: deep(MAX_DEPTH - 1, 'array'),
      list: Array.from({ length: MAX_ARRAY_LENGTH }, (_, i) => i),
      text: '张'.repeat(MAX_STRING_LENGTH),
      many: Object.fromEntries(Array.from({ length: MAX_KEYS - 4 }, (_, i) => [`k${i}`, true])),
    };
    const taken = takeFormData(atLimits);
    expect(taken).toEqual({ ok: true, data: atLimits });
    // One deeper: the 33rd container, at /deep/0/…/0, is refused.
    expect(takeFormData({ deep: deep(MAX_DEPTH, 'array') })).toMatchObject({ ok: false, problem: { limit: 'depth', pointer: `/deep${'/0'.repeat(MAX_DEPTH - 1)}` } });
  });

  it.each([
    ['shandong', 'valid/one-service-pension.json'],
    ['shandong', 'valid/all-services.json'],
    ['yunnan', 'invalid/name-too-long.json'],
  ])('takes the %s example %s as is (a field over its maxLength is a validation error, not a refusal)', (form, file) => {
    const { data } = example(form, file);
    expect(takeFormData(data)).toEqual({ ok: true, data });
  });

  it('drops forbidden keys, functions, undefined and non-finite numbers as before; a non-object is the empty form', () => {
    const hostile = JSON.parse('{"__proto__":{"polluted":true},"a":{"constructor":{"prototype":{"polluted":true}},"b":1}}') as Record<string, unknown>;
    expect(takeFormData({ ...hostile, f: () => 1, u: undefined, n: Number.NaN, list: [undefined, Infinity, 'x'], d: new Date(0) })).toEqual({
      ok: true,
      data: { a: { b: 1 }, list: [null, null, 'x'] },
    });
    expectNoPollution();
    expect(takeFormData([1, 2])).toEqual({ ok: true, data: {} });
    expect(takeFormData(null)).toEqual({ ok: true, data: {} });
  });

  it('copies: the result shares nothing with the input', () => {
    const input = { applicant: { name: '张三', list: [{ a: 1 }] } };
    const taken = takeFormData(input);
    if (!taken.ok) throw new Error('refused');
    expect(taken.data).toEqual(input);
    expect(taken.data.applicant).not.toBe(input.applicant);
    expect((taken.data.applicant as { list: unknown[] }).list[0]).not.toBe(input.applicant.list[0]);
  });
});

describe('cloneJson (what the data property hands out) is iterative', () => {
  it('copies 100,000-deep nesting without a RangeError (the recursive copy overflowed at ~2,000)', () => {
    const copy = cloneJson(deep(100_000, 'array'));
    let depth = 0;
    for (let v: unknown = copy; Array.isArray(v); v = v[0]) depth += 1;
    expect(depth).toBe(100_000);
  });

  it('keeps key order and shape exactly, without limits', () => {
    const value = { z: 1, a: [1, { y: 'x'.repeat(MAX_STRING_LENGTH + 5), b: null }], m: { n: true } };
    expect(JSON.stringify(cloneJson(value))).toBe(JSON.stringify(value));
    expect(copyJson(value, UNBOUNDED)).toEqual({ ok: true, value });
    expect(copyJson(value, WIDGET_DATA_LIMITS)).toMatchObject({ ok: false, problem: { limit: 'string', pointer: '/a/1/y' } });
  });
});
