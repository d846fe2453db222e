import { YibiaoVerifyError } from './errors.js';
import { FORBIDDEN_KEYS, type JsonLimits } from './limits.js';

export { FORBIDDEN_KEYS };

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Tells whether a string holds a UTF-16 surrogate without its partner, which
 * has no UTF-8 encoding and no single meaning across JSON implementations.
 *
 * @param text - any string.
 * @returns true when a lone surrogate is present.
 */
export function hasLoneSurrogate(text: string): boolean {
  // String.prototype.isWellFormed is ES2024; Safari < 16.4 lacks it.
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i += 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/** Length in Unicode code points, stopping early once `limit` is exceeded. */
function exceedsCodePoints(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count > limit) return true;
  }
  return false;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Parses JSON text strictly (RFC 8259, no extensions) while enforcing limits.
 *
 * Unlike `JSON.parse` it refuses duplicate object keys — `JSON.parse` keeps the
 * last one silently, so a signer and a verifier could read different data from
 * the same signed bytes — lone surrogates, non-finite numbers, integers beyond
 * ±(2^53 − 1) and the keys `__proto__`, `constructor` and `prototype`. Limits are
 * checked while tokenising, so a hostile document costs at most one linear scan
 * and recursion never goes deeper than `limits.maxDepth`.
 *
 * @param text - the JSON text (already decoded from UTF-8).
 * @param limits - depth, key, string and array limits.
 * @returns the parsed value; objects are plain objects.
 * @throws {YibiaoVerifyError} `E_MALFORMED` (not JSON), `E_DUPLICATE_KEY`,
 *   `E_LIMIT`, `E_PAYLOAD_INVALID` (forbidden key); `pointer` says where.
 */
export function parseStrictJson(text: string, limits: JsonLimits): unknown {
  let at = 0;
  let keyCount = 0;

  const fail = (code: 'E_MALFORMED' | 'E_LIMIT', pointer: string, detail: string): never => {
    throw new YibiaoVerifyError(code, { pointer, detail: `${detail} at offset ${at}` });
  };

  const skipWhitespace = (): void => {
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) at += 1;
      else return;
    }
  };

  const parseString = (pointer: string): string => {
    // at points at the opening quote.
    at += 1;
    let out = '';
    let start = at;
    for (;;) {
      if (at >= text.length) fail('E_MALFORMED', pointer, 'unterminated string');
      const c = text.charCodeAt(at);
      if (c === 0x22) {
        out += text.slice(start, at);
        at += 1;
        break;
      }
      if (c < 0x20) fail('E_MALFORMED', pointer, 'unescaped control character in string');
      if (c === 0x5c) {
        out += text.slice(start, at);
        const e = text.charAt(at + 1);
        const simple = SIMPLE_ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          at += 2;
        } else if (e === 'u') {
          const hex = text.slice(at + 2, at + 6);
          if (!HEX4.test(hex)) fail('E_MALFORMED', pointer, 'bad \\u escape');
          out += String.fromCharCode(Number.parseInt(hex, 16));
          at += 6;
        } else {
          fail('E_MALFORMED', pointer, 'bad escape');
        }
        start = at;
        continue;
      }
      at += 1;
    }
    if (hasLoneSurrogate(out)) fail('E_MALFORMED', pointer, 'lone surrogate in string');
    if (exceedsCodePoints(out, limits.maxStringLength)) fail('E_LIMIT', pointer, 'string too long');
    return out;
  };

  const parseNumber = (pointer: string): number => {
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (match === null) return fail('E_MALFORMED', pointer, 'bad number');
    at += match[0].length;
    const value = Number(match[0]);
    if (!Number.isFinite(value)) fail('E_LIMIT', pointer, 'number out of range');
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) fail('E_LIMIT', pointer, 'integer beyond 2^53 - 1');
    return value;
  };

  const parseLiteral = (pointer: string, word: string, value: boolean | null): boolean | null => {
    if (text.startsWith(word, at)) {
      at += word.length;
      return value;
    }
    return fail('E_MALFORMED', pointer, 'unexpected token');
  };

  const parseValue = (depth: number, pointer: string): unknown => {
    skipWhitespace();
    const c = text.charAt(at);
    if (c === '{' || c === '[') {
      if (depth > limits.maxDepth) fail('E_LIMIT', pointer, 'nesting too deep');
      return c === '{' ? parseObject(depth, pointer) : parseArray(depth, pointer);
    }
    if (c === '"') return parseString(pointer);
    if (c === 't') return parseLiteral(pointer, 'true', true);
    if (c === 'f') return parseLiteral(pointer, 'false', false);
    if (c === 'n') return parseLiteral(pointer, 'null', null);
    if (c === '-' || (c >= '0' && c <= '9')) return parseNumber(pointer);
    return fail('E_MALFORMED', pointer, at >= text.length ? 'unexpected end' : 'unexpected token');
  };

  const parseObject = (depth: number, pointer: string): Record<string, unknown> => {
    at += 1;
    const object: Record<string, unknown> = {};
    const seen = new Set<string>();
    skipWhitespace();
    if (text.charAt(at) === '}') {
      at += 1;
      return object;
    }
    for (;;) {
      skipWhitespace();
      if (text.charAt(at) !== '"') fail('E_MALFORMED', pointer, 'expected a key');
      const key = parseString(pointer);
      const child = `${pointer}/${escapePointer(key)}`;
      if (seen.has(key)) throw new YibiaoVerifyError('E_DUPLICATE_KEY', { pointer: child });
      seen.add(key);
      keyCount += 1;
      if (keyCount > limits.maxKeys) fail('E_LIMIT', child, 'too many keys');
      if (FORBIDDEN_KEYS.has(key)) {
        throw new YibiaoVerifyError('E_PAYLOAD_INVALID', { pointer: child, detail: 'forbidden key' });
      }
      skipWhitespace();
      if (text.charAt(at) !== ':') fail('E_MALFORMED', child, 'expected ":"');
      at += 1;
      // The key is neither __proto__ nor an accessor, so assignment defines an own property.
      object[key] = parseValue(depth + 1, child);
      skipWhitespace();
      const next = text.charAt(at);
      at += 1;
      if (next === '}') return object;
      if (next !== ',') fail('E_MALFORMED', pointer, 'expected "," or "}"');
    }
  };

  const parseArray = (depth: number, pointer: string): unknown[] => {
    at += 1;
    const array: unknown[] = [];
    skipWhitespace();
    if (text.charAt(at) === ']') {
      at += 1;
      return array;
    }
    for (;;) {
      if (array.length >= limits.maxArrayLength) fail('E_LIMIT', pointer, 'array too long');
      array.push(parseValue(depth + 1, `${pointer}/${array.length}`));
      skipWhitespace();
      const next = text.charAt(at);
      at += 1;
      if (next === ']') return array;
      if (next !== ',') fail('E_MALFORMED', pointer, 'expected "," or "]"');
    }
  };

  const value = parseValue(1, '');
  skipWhitespace();
  if (at !== text.length) fail('E_MALFORMED', '', 'trailing characters');
  return value;
}
