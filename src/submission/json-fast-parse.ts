import { FORBIDDEN_KEYS } from './json-parse.js';
import type { JsonLimits } from './limits.js';

/** The answer of {@link parseJsonProven} when it cannot prove the text acceptable. */
export const NOT_PROVEN: unique symbol = Symbol('not proven');

/** Options of {@link parseJsonProven}. */
export interface ProofOptions {
  /**
   * Also require every object's members in RFC 8785 order (by UTF-16 code
   * units), which makes the proof one of canonical form: the text is then
   * exactly `JCS(value)`.
   */
  readonly sortedKeys: boolean;
}

/**
 * An escaped surrogate (`\ud800`…`\udfff`, either case). The text is decoded
 * from UTF-8, so it holds no raw lone surrogate; only such an escape can put
 * one into the parsed value, and it survives a parse/serialise round trip.
 * An escaped backslash before `ud8…` matches too: that only costs the slow path.
 */
const ESCAPED_SURROGATE = /\\u[dD][89abcdefABCDEF]/;

/**
 * One walk over a value from `JSON.parse`: within the limits (depth, keys,
 * string and array length — strings by UTF-16 length, which is never less
 * than the code point count), no forbidden key (JSON.parse makes `__proto__`
 * an own property, so `Object.keys` sees it), integers within ±(2^53 − 1),
 * and, when asked, keys in ascending order.
 */
function withinProof(value: unknown, depth: number, limits: JsonLimits, sortedKeys: boolean, counter: { keys: number }): boolean {
  if (typeof value === 'string') return value.length <= limits.maxStringLength;
  if (typeof value === 'number') return Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value));
  if (value === null || typeof value !== 'object') return true;
  if (depth > limits.maxDepth) return false;
  if (Array.isArray(value)) {
    if (value.length > limits.maxArrayLength) return false;
    for (const item of value) if (!withinProof(item, depth + 1, limits, sortedKeys, counter)) return false;
    return true;
  }
  const record = value as Readonly<Record<string, unknown>>;
  let previous: string | undefined;
  for (const key of Object.keys(record)) {
    counter.keys += 1;
    if (counter.keys > limits.maxKeys || key.length > limits.maxStringLength || FORBIDDEN_KEYS.has(key)) return false;
    // `<` on strings compares UTF-16 code units: RFC 8785 §3.2.3's order.
    if (sortedKeys && previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!withinProof(record[key], depth + 1, limits, sortedKeys, counter)) return false;
  }
  return true;
}

/**
 * Parses JSON with the native `JSON.parse` and accepts the result only when
 * it can prove that the strict parser (`parseStrictJson`) would return the
 * same value without an error: `JSON.stringify(JSON.parse(text)) === text`
 * (so no duplicate key — `JSON.parse` keeps the last and the re-serialised
 * text would be shorter — no whitespace, no other spelling of a string or
 * number), no escaped surrogate, and one walk for limits, forbidden keys and
 * unsafe integers. With `sortedKeys`, `JSON.stringify` writes what RFC 8785
 * writes (same strings, same numbers, members in the order checked), so the
 * text is canonical.
 *
 * Anything it cannot prove — including every error, and harmless cases such
 * as integer-like keys, which `JSON.parse` reorders — is {@link NOT_PROVEN}:
 * the caller then runs the strict parser, which finds the exact error.
 *
 * @param text - JSON text decoded from UTF-8 (so no raw lone surrogate).
 * @param limits - depth, key, string and array limits.
 * @param options - whether the text must also be canonical.
 * @returns the parsed value, or {@link NOT_PROVEN}.
 * @example
 * parseJsonProven('{"a":1}', JSON_LIMITS, { sortedKeys: true }); // { a: 1 }
 * parseJsonProven('{"a":1,"a":2}', JSON_LIMITS, { sortedKeys: true }); // NOT_PROVEN
 */
export function parseJsonProven(text: string, limits: JsonLimits, options: ProofOptions): unknown {
  if (ESCAPED_SURROGATE.test(text)) return NOT_PROVEN;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return NOT_PROVEN;
  }
  if (!withinProof(value, 1, limits, options.sortedKeys, { keys: 0 })) return NOT_PROVEN;
  // Checked after the walk: by now the value is small and shallow enough to serialise.
  return JSON.stringify(value) === text ? value : NOT_PROVEN;
}
