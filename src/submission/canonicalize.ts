import canonicalize from 'canonicalize';
import { YibiaoUsageError, YibiaoVerifyError } from './errors.js';
import { NOT_PROVEN, parseJsonProven } from './json-fast-parse.js';
import { FORBIDDEN_KEYS, hasLoneSurrogate, parseStrictJson } from './json-parse.js';
import { JSON_LIMITS, type JsonLimits, MAX_PAYLOAD_BYTES } from './limits.js';

const encoder = new TextEncoder();
// fatal: invalid UTF-8 is an error, not U+FFFD; ignoreBOM: a BOM stays in the
// text, so the strict parser refuses it instead of it vanishing silently.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Whether a string has more than `limit` code points, counted as `[...text]`
 * would (a lone surrogate counts as one) but stopping at `limit + 1`, so a
 * 5 MB string costs no more than a short one (SECURITY.md §3 case 8).
 */
function exceedsCodePoints(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  // A code point takes at most two UTF-16 units.
  if (text.length > 2 * limit) return true;
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
    if (count > limit) return true;
  }
  return false;
}

function checkString(text: string, pointer: string, limits: JsonLimits): void {
  // Length first: it bounds the work of every later check on this string.
  if (exceedsCodePoints(text, limits.maxStringLength)) throw new YibiaoVerifyError('E_LIMIT', { pointer, detail: 'string too long' });
  if (hasLoneSurrogate(text)) throw new YibiaoVerifyError('E_MALFORMED', { pointer, detail: 'lone surrogate' });
}

/**
 * Checks that a value is plain JSON within limits and has exactly one
 * canonical form. Recursion is bounded by `limits.maxDepth`, which also
 * turns a cyclic structure into `E_LIMIT` instead of a stack overflow.
 */
function checkValue(value: unknown, depth: number, pointer: string, limits: JsonLimits, counter: { keys: number }): void {
  switch (typeof value) {
    case 'boolean':
      return;
    case 'string':
      checkString(value, pointer, limits);
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new YibiaoVerifyError('E_LIMIT', { pointer, detail: 'non-finite number' });
      // JCS writes -0 as 0, so a signed -0 would not survive a round trip.
      if (Object.is(value, -0)) throw new YibiaoVerifyError('E_NOT_CANONICAL', { pointer, detail: 'negative zero' });
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
        throw new YibiaoVerifyError('E_LIMIT', { pointer, detail: 'integer beyond 2^53 - 1' });
      }
      return;
    case 'object': {
      if (value === null) return;
      if (depth > limits.maxDepth) throw new YibiaoVerifyError('E_LIMIT', { pointer, detail: 'nesting too deep' });
      if (Array.isArray(value)) {
        if (value.length > limits.maxArrayLength) {
          throw new YibiaoVerifyError('E_LIMIT', { pointer, detail: 'array too long' });
        }
        for (let i = 0; i < value.length; i += 1) {
          if (!(i in value)) throw new YibiaoVerifyError('E_PAYLOAD_INVALID', { pointer: `${pointer}/${i}`, detail: 'array hole' });
          checkValue(value[i], depth + 1, `${pointer}/${i}`, limits, counter);
        }
        return;
      }
      if (!isPlainObject(value)) {
        throw new YibiaoVerifyError('E_PAYLOAD_INVALID', { pointer, detail: 'not a plain object' });
      }
      if (Object.getOwnPropertySymbols(value).length > 0) {
        throw new YibiaoVerifyError('E_PAYLOAD_INVALID', { pointer, detail: 'symbol key' });
      }
      for (const key of Object.keys(value)) {
        const child = `${pointer}/${escapePointer(key)}`;
        if (FORBIDDEN_KEYS.has(key)) throw new YibiaoVerifyError('E_PAYLOAD_INVALID', { pointer: child, detail: 'forbidden key' });
        counter.keys += 1;
        if (counter.keys > limits.maxKeys) throw new YibiaoVerifyError('E_LIMIT', { pointer: child, detail: 'too many keys' });
        checkString(key, child, limits);
        checkValue(value[key], depth + 1, child, limits, counter);
      }
      return;
    }
    default:
      // undefined, bigint, symbol, function: JCS would drop or reject them.
      throw new YibiaoVerifyError('E_PAYLOAD_INVALID', { pointer, detail: `${typeof value} is not JSON` });
  }
}

/**
 * The RFC 8785 (JCS) canonical UTF-8 bytes of a JSON value: what a submission
 * signs. Serialisation is the `canonicalize` library's; this function first
 * makes sure the value has exactly one canonical form and fits the limits.
 *
 * @param value - plain JSON: null, booleans, finite numbers (integers within
 *   ±(2^53 − 1), no -0), strings without lone surrogates, arrays, plain objects.
 * @returns the canonical bytes.
 * @throws {YibiaoVerifyError} `E_LIMIT` (non-finite or unsafe number, too deep,
 *   too many keys, string or array too long, more than 256 KiB),
 *   `E_NOT_CANONICAL` (-0), `E_MALFORMED` (lone surrogate), `E_PAYLOAD_INVALID`
 *   (`__proto__`/`constructor`/`prototype` key, `undefined`, a class instance).
 * @example
 * new TextDecoder().decode(canonicalBytes({ b: 1, a: '一' })); // '{"a":"一","b":1}'
 */
export function canonicalBytes(value: unknown): Uint8Array {
  checkValue(value, 1, '', JSON_LIMITS, { keys: 0 });
  const text = canonicalize(value);
  if (text === undefined) throw new YibiaoVerifyError('E_PAYLOAD_INVALID', { detail: 'value has no JSON form' });
  const bytes = encoder.encode(text);
  if (bytes.length > MAX_PAYLOAD_BYTES) throw new YibiaoVerifyError('E_LIMIT', { detail: 'more than 256 KiB' });
  return bytes;
}

function isUint8Array(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array || Object.prototype.toString.call(value) === '[object Uint8Array]';
}

/**
 * Parses bytes that must be canonical JSON: strictly (no duplicate keys, no
 * lone surrogates, limits first) and only if they are exactly
 * `JCS(parse(bytes))`. A verifier uses it on the signed bytes, so that the
 * data it acts on has one and only one byte representation. Canonical bytes
 * within the limits are parsed natively (`parseJsonProven`); everything else
 * goes through the strict parser, so every refusal has the same code as ever.
 *
 * @param bytes - UTF-8 JSON, at most 256 KiB.
 * @returns the parsed value.
 * @throws {YibiaoVerifyError} `E_LIMIT`, `E_MALFORMED` (not UTF-8 or not JSON),
 *   `E_DUPLICATE_KEY`, `E_PAYLOAD_INVALID` (forbidden key), `E_NOT_CANONICAL`.
 * @throws {YibiaoUsageError} when `bytes` is not a Uint8Array.
 * @example
 * parseCanonical(new TextEncoder().encode('{"a":1}')); // { a: 1 }
 * parseCanonical(new TextEncoder().encode('{"a":1.0}')); // throws E_NOT_CANONICAL
 */
export function parseCanonical(bytes: Uint8Array): unknown {
  if (!isUint8Array(bytes)) throw new YibiaoUsageError('parseCanonical: "bytes" must be a Uint8Array');
  if (bytes.length > MAX_PAYLOAD_BYTES) throw new YibiaoVerifyError('E_LIMIT', { detail: 'more than 256 KiB' });
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (cause) {
    throw new YibiaoVerifyError('E_MALFORMED', { detail: 'not UTF-8', cause });
  }
  // Fast path: the native parser plus the proof JSON.stringify(value) === text with sorted keys.
  const proven = parseJsonProven(text, JSON_LIMITS, { sortedKeys: true });
  if (proven !== NOT_PROVEN) return proven;
  // Anything unproven takes the strict parser, which names the exact error (or accepts after all).
  const value = parseStrictJson(text, JSON_LIMITS);
  if (canonicalize(value) !== text) throw new YibiaoVerifyError('E_NOT_CANONICAL');
  return value;
}
