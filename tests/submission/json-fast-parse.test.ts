/**
 * The native fast path of the canonical parse: it accepts only what the
 * strict parser accepts (same value), and every refusal reaches the strict
 * parser, so `parseCanonical` answers with the same codes as before.
 */
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCanonical } from '../../src/submission/canonicalize.js';
import { NOT_PROVEN, parseJsonProven } from '../../src/submission/json-fast-parse.js';
import { parseStrictJson } from '../../src/submission/json-parse.js';
import { JSON_LIMITS, MAX_ARRAY_LENGTH, MAX_DEPTH, MAX_KEYS, MAX_STRING_LENGTH } from '../../src/submission/limits.js';
import { encoder } from './helpers.js';

const canonical = { sortedKeys: true } as const;
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const manyKeys = (n: number): string => `{${Array.from({ length: n }, (_, i) => `"k${String(i).padStart(5, '0')}":0`).join(',')}}`;

describe('parseJsonProven', () => {
  it('parses canonical JSON with the native parser', () => {
    const text = '{"a":[1,2.5,-3,"\\u001f",true,null],"b":{"c":"一"},"é":1e+21}';
    // 1e+21 is an unsafe integer: not proven.
    expect(parseJsonProven(text, JSON_LIMITS, canonical)).toBe(NOT_PROVEN);
    const ok = '{"a":[1,2.5,-3,"\\u001f",true,null],"b":{"c":"一"},"é":0.5}';
    expect(parseJsonProven(ok, JSON_LIMITS, canonical)).toEqual(JSON.parse(ok));
  });

  it.each([
    ['a duplicated key', '{"a":1,"a":1}'],
    ['a duplicated key, the last one kept by JSON.parse', '{"a":1,"b":2,"a":1}'],
    ['whitespace', '{"a": 1}'],
    ['a trailing newline', '{"a":1}\n'],
    ['a non-canonical number (1.0)', '{"a":1.0}'],
    ['a non-canonical number (1e2)', '{"a":1e2}'],
    ['negative zero', '{"a":-0}'],
    ['an unsafe integer', '{"a":9007199254740992}'],
    ['a number out of range', '{"a":1e400}'],
    ['an escaped lone surrogate', '{"a":"\\ud800"}'],
    ['an escaped lone low surrogate', '{"a":"\\udc00"}'],
    ['an escaped lone surrogate in a key', '{"\\udbff":1}'],
    ['an upper-case escape of a lone surrogate', '{"a":"\\uD800"}'],
    ['an unneeded escape', '{"a":"\\u0041"}'],
    ['an escaped solidus', '{"a":"\\/"}'],
    ['keys out of order', '{"b":1,"a":2}'],
    ['a __proto__ key', '{"__proto__":{"x":1}}'],
    ['a nested __proto__ key', '{"a":{"__proto__":1}}'],
    ['a constructor key', '{"constructor":1}'],
    ['a prototype key', '{"a":[{"prototype":1}]}'],
    ['nesting too deep', nested(MAX_DEPTH + 1)],
    ['a string too long', `"${'a'.repeat(MAX_STRING_LENGTH + 1)}"`],
    ['a key too long', `{"${'a'.repeat(MAX_STRING_LENGTH + 1)}":1}`],
    ['an array too long', `[${Array(MAX_ARRAY_LENGTH + 1).fill(0).join(',')}]`],
    ['too many keys', manyKeys(MAX_KEYS + 1)],
    ['not JSON', '{"a":'],
    ['a byte order mark', '\ufeff{}'],
  ])('does not prove %s', (_name, text) => {
    expect(parseJsonProven(text, JSON_LIMITS, canonical)).toBe(NOT_PROVEN);
  });

  it('accepts what is just within the limits', () => {
    expect(parseJsonProven(nested(MAX_DEPTH), JSON_LIMITS, canonical)).not.toBe(NOT_PROVEN);
    expect(parseJsonProven(manyKeys(MAX_KEYS), JSON_LIMITS, canonical)).not.toBe(NOT_PROVEN);
    expect(parseJsonProven(`"${'a'.repeat(MAX_STRING_LENGTH)}"`, JSON_LIMITS, canonical)).not.toBe(NOT_PROVEN);
  });

  it('without sortedKeys, proves members in any order but still no duplicate', () => {
    expect(parseJsonProven('{"typ":"x","alg":"ES256"}', JSON_LIMITS, { sortedKeys: false })).toEqual({ typ: 'x', alg: 'ES256' });
    expect(parseJsonProven('{"alg":"ES256","alg":"none"}', JSON_LIMITS, { sortedKeys: false })).toBe(NOT_PROVEN);
  });

  it('proves only what the strict parser accepts, with the same value (random JSON)', () => {
    let provenCount = 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = canonicalize(value) ?? 'null';
        const proven = parseJsonProven(text, JSON_LIMITS, canonical);
        if (proven === NOT_PROVEN) return;
        provenCount += 1;
        expect(proven).toEqual(parseStrictJson(text, JSON_LIMITS));
        expect(canonicalize(proven)).toBe(text);
      }),
      { numRuns: 300, seed: 20251123 },
    );
    // Most canonical documents take the fast path (the rest: integer-like keys, escapes, long strings).
    expect(provenCount).toBeGreaterThan(150);
  });

  it('proves only what the strict parser accepts (random texts near JSON)', () => {
    const token = fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '"b"', '"__proto__"', '1', '1.0', '-0', ' ', '"\\ud800"', 'true', 'null');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (tokens) => {
        const text = tokens.join('');
        const proven = parseJsonProven(text, JSON_LIMITS, canonical);
        if (proven === NOT_PROVEN) return;
        expect(proven).toEqual(parseStrictJson(text, JSON_LIMITS));
        expect(canonicalize(proven)).toBe(text);
      }),
      { numRuns: 2000, seed: 20251123 },
    );
  });
});

describe('parseCanonical keeps its error codes', () => {
  it.each([
    ['E_DUPLICATE_KEY', '{"a":1,"a":1}'],
    ['E_NOT_CANONICAL', '{"a": 1}'],
    ['E_NOT_CANONICAL', '{"a":1.0}'],
    ['E_NOT_CANONICAL', '{"b":1,"a":2}'],
    ['E_NOT_CANONICAL', '{"a":-0}'],
    ['E_MALFORMED', '{"a":"\\ud800"}'],
    ['E_PAYLOAD_INVALID', '{"__proto__":{"x":1}}'],
    ['E_LIMIT', '{"a":9007199254740992}'],
    ['E_LIMIT', nested(MAX_DEPTH + 1)],
    ['E_MALFORMED', '{"a":'],
  ])('%s for %s', (code, text) => {
    expect(() => parseCanonical(encoder.encode(text))).toThrow(expect.objectContaining({ code }));
  });

  it('accepts a canonical document whose integer-like keys JSON.parse reorders', () => {
    // Not proven by the fast path (Object.keys puts "9" before "10"), accepted by the strict one.
    expect(parseCanonical(encoder.encode('{"10":1,"9":2}'))).toEqual({ 10: 1, 9: 2 });
  });

  it('never lets a __proto__ key reach the prototype', () => {
    expect(() => parseCanonical(encoder.encode('{"__proto__":{"polluted":true}}'))).toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
