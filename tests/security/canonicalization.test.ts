/**
 * Canonical bytes (SECURITY.md §2 "Canonical bytes, duplicate keys, numbers",
 * §3 case 9): JCS over any JSON value is idempotent and independent of key
 * order, and the values without one canonical spelling are refused by name —
 * `1.0`, `-0`, `1e400`, `2**53+1`, `"\ud800"` — whether they arrive as bytes
 * (verifier) or as values (signer).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBytes, parseCanonical } from '../../src/submission/canonicalize.js';
import { YibiaoVerifyError } from '../../src/submission/errors.js';
import { hasLoneSurrogate } from '../../src/submission/json-parse.js';
import { decoder, encoder } from '../submission/helpers.js';
import { fuzzRuns, type Obj, refusal } from './helpers.js';

const RUNS = fuzzRuns(150);

/** Reverses the key order of every object, recursively. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]));
  }
  return value;
}

/** Whether JCS can represent the value exactly (else the refusal is the expected outcome). */
function canonicalisable(value: unknown): boolean {
  try {
    canonicalBytes(value);
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(YibiaoVerifyError);
    expect(['E_LIMIT', 'E_NOT_CANONICAL', 'E_PAYLOAD_INVALID', 'E_MALFORMED']).toContain((error as YibiaoVerifyError).code);
    return false;
  }
}

describe('case 9: JCS on fc.jsonValue() is idempotent and key-order-free', () => {
  it('canonical bytes parse back to a value whose canonical bytes are the same (fc)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        if (!canonicalisable(value)) return;
        const bytes = canonicalBytes(value);
        const again = canonicalBytes(parseCanonical(bytes));
        expect(decoder.decode(again)).toBe(decoder.decode(bytes));
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same bytes whatever the key order (fc)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        if (!canonicalisable(value)) return;
        expect(decoder.decode(canonicalBytes(reversed(value)))).toBe(decoder.decode(canonicalBytes(value)));
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses any non-canonical re-spelling of canonical bytes (whitespace, reordered keys) with E_NOT_CANONICAL (fc)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 2 }), (value) => {
        if (!canonicalisable(value)) return;
        const text = decoder.decode(canonicalBytes(value));
        for (const respelt of [JSON.stringify(JSON.parse(text), null, 1), JSON.stringify(reversed(JSON.parse(text)))]) {
          if (respelt === text) continue;
          expect(refusal(() => parseCanonical(encoder.encode(respelt))).error.code).toBe('E_NOT_CANONICAL');
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('case 9: values without one canonical spelling are refused by name', () => {
  it.each<[string, string, string]>([
    ['1.0', '{"n":1.0}', 'E_NOT_CANONICAL'],
    ['1e0', '{"n":1e0}', 'E_NOT_CANONICAL'],
    ['-0', '{"n":-0}', 'E_NOT_CANONICAL'],
    ['1e400', '{"n":1e400}', 'E_LIMIT'],
    ['2**53+1', '{"n":9007199254740993}', 'E_LIMIT'],
    ['"\\ud800"', '{"s":"\\ud800"}', 'E_MALFORMED'],
    ['"\\udc00x"', '{"s":"\\udc00x"}', 'E_MALFORMED'],
    ['NaN', '{"n":NaN}', 'E_MALFORMED'],
    ['a duplicate key', '{"n":1,"n":2}', 'E_DUPLICATE_KEY'],
    ['a duplicate key spelled with an escape', '{"a":1,"\\u0061":2}', 'E_DUPLICATE_KEY'],
  ])('the bytes %s → %s', (_what, text, code) => {
    expect(refusal(() => parseCanonical(encoder.encode(text))).error.code).toBe(code);
  });

  it.each<[string, unknown, string]>([
    ['-0', { n: -0 }, 'E_NOT_CANONICAL'],
    ['1e400 (Infinity)', { n: Number('1e400') }, 'E_LIMIT'],
    ['NaN', { n: Number.NaN }, 'E_LIMIT'],
    ['2**53+1', { n: 2 ** 53 + 2 }, 'E_LIMIT'],
    ['"\\ud800"', { s: '\ud800' }, 'E_MALFORMED'],
    ['undefined', { u: undefined }, 'E_PAYLOAD_INVALID'],
    ['a bigint', { b: 1n }, 'E_PAYLOAD_INVALID'],
    ['a Date', { d: new Date(0) }, 'E_PAYLOAD_INVALID'],
  ])('the value %s → %s', (_what, value, code) => {
    expect(refusal(() => canonicalBytes(value)).error.code).toBe(code);
  });

  it('writes 1.0 as 1 (it has one spelling as a value) and keeps the largest safe integers', () => {
    expect(decoder.decode(canonicalBytes({ n: 1.0, m: 2 ** 53 - 1, k: -(2 ** 53 - 1) }))).toBe('{"k":-9007199254740991,"m":9007199254740991,"n":1}');
  });

  it('reads what it writes for every lone-surrogate-free string (fc)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const value: Obj = { s };
        if (hasLoneSurrogate(s)) {
          expect(refusal(() => canonicalBytes(value)).error.code).toBe('E_MALFORMED');
          return;
        }
        if (s.length > 2000) return;
        expect(parseCanonical(canonicalBytes(value))).toEqual(value);
      }),
      { numRuns: RUNS },
    );
  });
});
