import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBytes, parseCanonical } from '../../src/submission/canonicalize.js';
import { YibiaoUsageError, YibiaoVerifyError } from '../../src/submission/errors.js';
import { FORBIDDEN_KEYS, hasLoneSurrogate } from '../../src/submission/json-parse.js';
import { MAX_STRING_LENGTH } from '../../src/submission/limits.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const text = (value: unknown) => dec.decode(canonicalBytes(value));
const parse = (json: string) => parseCanonical(enc.encode(json));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof YibiaoVerifyError) return error.code;
    throw error;
  }
  return undefined;
}

/** Whether a JSON value has something canonicalBytes must refuse. */
function hasRefusable(value: unknown): boolean {
  if (typeof value === 'number') return Object.is(value, -0) || (Number.isInteger(value) && !Number.isSafeInteger(value));
  if (Array.isArray(value)) return value.some(hasRefusable);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => FORBIDDEN_KEYS.has(k) || hasRefusable(v));
  }
  return false;
}

/** Replaces what canonicalBytes refuses by acceptable values, keeping everything else. */
function sanitize(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) return (value % 2 ** 53) + 0;
    return Object.is(value, -0) ? 0 : value;
  }
  if (Array.isArray(value)) return value.map(sanitize);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [FORBIDDEN_KEYS.has(k) ? `_${k}` : k, sanitize(v)]));
  }
  return value;
}

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, seed));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    entries.sort((a, b) => ((a[0].length * 31 + seed) % 7) - ((b[0].length * 17 + seed) % 5));
    if (seed % 2 === 0) entries.reverse();
    return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, seed)]));
  }
  return value;
}

describe('canonicalBytes', () => {
  it('sorts keys by UTF-16 code units and writes no whitespace', () => {
    expect(text({ b: 1, a: [true, null, '一'], A: { d: 'x', c: 'y' } })).toBe('{"A":{"c":"y","d":"x"},"a":[true,null,"一"],"b":1}');
  });

  it('writes numbers the ECMAScript way (RFC 8785 §3.2.2.3)', () => {
    expect(text([1.5, 1e-7, 100, 0.1 + 0.2, 123456.789, 5e-324, -3])).toBe('[1.5,1e-7,100,0.30000000000000004,123456.789,5e-324,-3]');
  });

  it('gives the same bytes whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue().map(sanitize), fc.nat(1000), (value, seed) => {
        expect(canonicalBytes(shuffleKeys(value, seed))).toEqual(canonicalBytes(value));
      }),
    );
  });

  it('round-trips every acceptable fc.jsonValue() through parseCanonical, idempotently', () => {
    fc.assert(
      fc.property(fc.jsonValue().map(sanitize), (value) => {
        const bytes = canonicalBytes(value);
        const parsed = parseCanonical(bytes);
        expect(parsed).toEqual(value);
        expect(canonicalBytes(parsed)).toEqual(bytes);
      }),
    );
  });

  it('either refuses a raw fc.jsonValue() with a typed code or round-trips it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        if (hasRefusable(value)) {
          expect(['E_LIMIT', 'E_NOT_CANONICAL', 'E_PAYLOAD_INVALID']).toContain(codeOf(() => canonicalBytes(value)));
        } else {
          expect(parseCanonical(canonicalBytes(value))).toEqual(value);
        }
      }),
    );
  });

  it('refuses strings with lone surrogates (fc binary strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        const lone = hasLoneSurrogate(s);
        expect(codeOf(() => canonicalBytes({ s }))).toBe(lone ? 'E_MALFORMED' : undefined);
      }),
    );
  });

  it.each([
    ['1e400 (Infinity)', Number.POSITIVE_INFINITY, 'E_LIMIT'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'E_LIMIT'],
    ['NaN', Number.NaN, 'E_LIMIT'],
    ['-0', -0, 'E_NOT_CANONICAL'],
    ['2**53+1', 2 ** 53 + 1, 'E_LIMIT'],
    ['-(2**53)', -(2 ** 53), 'E_LIMIT'],
    ['1e21', 1e21, 'E_LIMIT'],
    ['a lone high surrogate', '\ud800', 'E_MALFORMED'],
    ['a lone low surrogate', 'a\udc00b', 'E_MALFORMED'],
    ['undefined', undefined, 'E_PAYLOAD_INVALID'],
    ['a bigint', 1n, 'E_PAYLOAD_INVALID'],
    ['a Date', new Date(0), 'E_PAYLOAD_INVALID'],
    ['a Map', new Map(), 'E_PAYLOAD_INVALID'],
    ['a function', () => 1, 'E_PAYLOAD_INVALID'],
  ])('refuses %s', (_name, value, code) => {
    expect(codeOf(() => canonicalBytes({ v: value }))).toBe(code);
  });

  it('accepts the largest safe integers', () => {
    expect(text([2 ** 53 - 1, -(2 ** 53 - 1)])).toBe('[9007199254740991,-9007199254740991]');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s anywhere', (key) => {
    const nested = JSON.parse(`{"a":[{"${key}":{"polluted":true}}]}`) as unknown;
    expect(codeOf(() => canonicalBytes(nested))).toBe('E_PAYLOAD_INVALID');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an undefined member instead of dropping it silently', () => {
    expect(codeOf(() => canonicalBytes({ a: 1, b: undefined }))).toBe('E_PAYLOAD_INVALID');
  });

  it('enforces the structure limits', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 33; i += 1) deep = [deep];
    expect(codeOf(() => canonicalBytes(deep))).toBe('E_LIMIT');
    expect(codeOf(() => canonicalBytes({ s: 'x'.repeat(2001) }))).toBe('E_LIMIT');
    expect(codeOf(() => canonicalBytes({ s: '𠀀'.repeat(2000) }))).toBeUndefined();
    expect(codeOf(() => canonicalBytes(new Array(101).fill(0)))).toBe('E_LIMIT');
    const many = Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`k${i}`, 0]));
    expect(codeOf(() => canonicalBytes(many))).toBe('E_LIMIT');
  });

  it('turns a cycle into E_LIMIT, not a stack overflow', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(codeOf(() => canonicalBytes(cyclic))).toBe('E_LIMIT');
  });
});

describe('parseCanonical', () => {
  it('parses canonical bytes', () => {
    expect(parse('{"a":[1,"二",null,true],"b":{"c":-1.5}}')).toEqual({ a: [1, '二', null, true], b: { c: -1.5 } });
  });

  it.each([
    ['1.0', '{"a":1.0}'],
    ['1e2', '{"a":1e2}'],
    ['1E2', '{"a":1E2}'],
    ['-0', '{"a":-0}'],
    ['0.10', '{"a":0.10}'],
    ['1e-400 (underflows to 0)', '{"a":1e-400}'],
    ['unsorted keys', '{"b":1,"a":2}'],
    ['whitespace', '{"a": 1}'],
    ['a trailing newline', '{"a":1}\n'],
    ['an escaped letter', '{"a":"\\u0061"}'],
    ['an escaped slash', '{"a":"\\/"}'],
    ['an upper-case escape', '{"a":"\\u001F"}'],
  ])('refuses non-canonical spelling: %s', (_name, json) => {
    expect(codeOf(() => parse(json))).toBe('E_NOT_CANONICAL');
  });

  it.each([
    ['1e400', '{"a":1e400}', 'E_LIMIT'],
    ['2**53+1', '{"a":9007199254740993}', 'E_LIMIT'],
    ['an escaped lone surrogate', '{"a":"\\ud800"}', 'E_MALFORMED'],
    ['a duplicate key', '{"a":1,"a":1}', 'E_DUPLICATE_KEY'],
    ['a duplicate key spelled with an escape', '{"a":1,"\\u0061":2}', 'E_DUPLICATE_KEY'],
    ['a nested duplicate "name"', '{"p":{"name":"A","name":"B"}}', 'E_DUPLICATE_KEY'],
    ['NaN', '{"a":NaN}', 'E_MALFORMED'],
    ['a leading zero', '{"a":01}', 'E_MALFORMED'],
    ['a trailing comma', '{"a":1,}', 'E_MALFORMED'],
    ['single quotes', "{'a':1}", 'E_MALFORMED'],
    ['a raw control character', '{"a":"\u0001"}', 'E_MALFORMED'],
    ['a comment', '{"a":1}//', 'E_MALFORMED'],
    ['__proto__', '{"__proto__":{"polluted":1}}', 'E_PAYLOAD_INVALID'],
    ['constructor', '{"constructor":{"prototype":{"polluted":1}}}', 'E_PAYLOAD_INVALID'],
    ['an empty document', '', 'E_MALFORMED'],
  ])('refuses %s', (_name, json, code) => {
    expect(codeOf(() => parse(json))).toBe(code);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses invalid UTF-8 and a byte order mark', () => {
    expect(codeOf(() => parseCanonical(new Uint8Array([0x22, 0xc3, 0x28, 0x22])))).toBe('E_MALFORMED');
    expect(codeOf(() => parseCanonical(new Uint8Array([0xef, 0xbb, 0xbf, 0x31])))).toBe('E_MALFORMED');
  });

  it('enforces the limits before building values', () => {
    const deep = `${'['.repeat(2000)}${']'.repeat(2000)}`;
    const started = performance.now();
    expect(codeOf(() => parse(deep))).toBe('E_LIMIT');
    expect(codeOf(() => parse(`[${new Array(101).fill(0).join(',')}]`))).toBe('E_LIMIT');
    expect(codeOf(() => parse(`"${'x'.repeat(2001)}"`))).toBe('E_LIMIT');
    const keys = Array.from({ length: 2001 }, (_, i) => `"k${String(i).padStart(4, '0')}":0`).join(',');
    expect(codeOf(() => parse(`{${keys}}`))).toBe('E_LIMIT');
    expect(codeOf(() => parseCanonical(new Uint8Array(256 * 1024 + 1).fill(0x20)))).toBe('E_LIMIT');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('counts string limits in code points', () => {
    expect(parse(`"${'𠀀'.repeat(2000)}"`)).toHaveLength(4000);
  });

  it('throws a usage error for a non-byte argument', () => {
    expect(() => parseCanonical('{}' as unknown as Uint8Array)).toThrow(YibiaoUsageError);
  });
});

describe('canonicalBytes on very long strings (SECURITY.md §3 case 8)', () => {
  it.each<[string, () => unknown]>([
    ['a 5 MB string', () => ({ name: 'a'.repeat(5 * 1024 * 1024) })],
    ['a 5 MB key', () => ({ ['k'.repeat(5 * 1024 * 1024)]: 1 })],
    ['a 5 MB string of astral characters', () => ({ name: '𠀀'.repeat(2 * 1024 * 1024) })],
    ['a 5 MB string ending in a lone surrogate', () => ({ name: `${'a'.repeat(5 * 1024 * 1024)}\ud800` })],
  ])('refuses %s with E_LIMIT in < 100 ms', (_name, make) => {
    const value = make();
    const started = performance.now();
    expect(() => canonicalBytes(value)).toThrow(expect.objectContaining({ code: 'E_LIMIT' }));
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('counts code points, not UTF-16 units, at the limit', () => {
    expect(() => canonicalBytes({ name: '𠀀'.repeat(MAX_STRING_LENGTH) })).not.toThrow();
    expect(() => canonicalBytes({ name: '𠀀'.repeat(MAX_STRING_LENGTH + 1) })).toThrow(expect.objectContaining({ code: 'E_LIMIT' }));
    expect(() => canonicalBytes({ name: `${'a'.repeat(MAX_STRING_LENGTH - 1)}\ud800` })).toThrow(expect.objectContaining({ code: 'E_MALFORMED' }));
  });
});
