/**
 * An iterative, bounded deep copy of JSON data (SECURITY.md §2 "Limits",
 * docs/security.md O-6). Iterative, so a 2,000-deep array cannot overflow the
 * stack; bounded, so a host or a draft cannot hand the element more than a
 * verifier would accept — the first limit passed stops the walk at once.
 */
import { FORBIDDEN_KEYS } from '../submission/limits.js';

/** The limits a copy is checked against; `Infinity` switches one off. */
export interface CopyLimits {
  /** Deepest nesting of objects and arrays; the top-level container is depth 1. */
  readonly maxDepth: number;
  /** Most object members, counted over the whole document. */
  readonly maxKeys: number;
  /** Longest string value or key, in Unicode code points. */
  readonly maxStringLength: number;
  /** Most items in one array. */
  readonly maxArrayLength: number;
  /** Largest size of the copy as UTF-8 JSON text, in bytes (escapes not counted). */
  readonly maxBytes: number;
}

/** Which limit a value passed. */
export type DataLimit = 'depth' | 'keys' | 'string' | 'array' | 'size';

/** The first limit a value passed, and where. */
export interface DataLimitProblem {
  readonly code: 'E_DATA_LIMIT';
  readonly limit: DataLimit;
  /** JSON pointer (RFC 6901) of the value that passed it (`''` for the whole document). */
  readonly pointer: string;
  /** The limit's value. */
  readonly max: number;
}

/** The copy, or the first limit passed. */
export type CopyResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: DataLimitProblem };

/** No limits: {@link copyJson} then only drops what JSON cannot hold. */
export const UNBOUNDED: CopyLimits = {
  maxDepth: Number.POSITIVE_INFINITY,
  maxKeys: Number.POSITIVE_INFINITY,
  maxStringLength: Number.POSITIVE_INFINITY,
  maxArrayLength: Number.POSITIVE_INFINITY,
  maxBytes: Number.POSITIVE_INFINITY,
};

export { FORBIDDEN_KEYS };

/**
 * Whether a value is a plain object of any realm (a host page passing data
 * into a framed form) or one without a prototype.
 *
 * @param value - any value.
 */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]');
}

/** A container still to copy: its source, its copy, and how to name it in a problem. */
interface Frame {
  readonly source: readonly unknown[] | Readonly<Record<string, unknown>>;
  readonly target: unknown[] | Record<string, unknown>;
  readonly depth: number;
  readonly parent: Frame | undefined;
  readonly key: string;
}

/** Longest key named in full in a problem's pointer; a longer one is cut and ends with `…`. */
const POINTER_KEY_LENGTH = 32;

function pointerOf(frame: Frame | undefined, key?: string): string {
  const parts: string[] = key === undefined ? [] : [key];
  for (let f = frame; f?.parent !== undefined; f = f.parent) parts.push(f.key);
  return parts
    .reverse()
    .map((p) => (p.length > POINTER_KEY_LENGTH ? `${p.slice(0, POINTER_KEY_LENGTH)}…` : p))
    .map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

/** Whether `text` has more than `max` code points, without spreading a long string. */
function tooLong(text: string, max: number): boolean {
  if (text.length <= max) return false;
  // Each code point takes one or two UTF-16 units.
  if (text.length > 2 * max) return true;
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) i += 1;
    count += 1;
  }
  return count > max;
}

/** UTF-8 bytes of a JSON string (quotes included, escapes not counted). */
function utf8Size(text: string): number {
  let n = 2;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    n += unit < 0x80 ? 1 : unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 2 : 3;
  }
  return n;
}

/** A primitive's JSON copy: `undefined` for what JSON cannot hold. */
function copyPrimitive(value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return undefined;
}

/**
 * A deep copy of JSON data without forbidden keys, functions, `undefined` or
 * non-finite numbers (an array keeps `null` in their place), checked against
 * `limits` as it goes. Never recursive; the work is bounded by the limits.
 *
 * @param value - any value.
 * @param limits - the bounds; {@link UNBOUNDED} for none.
 * @returns the copy (`undefined` for a value JSON cannot hold), or the first limit passed.
 * @example
 * copyJson({ a: [1, 'x'] }, UNBOUNDED); // { ok: true, value: { a: [1, 'x'] } }
 */
export function copyJson(value: unknown, limits: CopyLimits): CopyResult {
  const counting = limits.maxBytes !== Number.POSITIVE_INFINITY;
  let bytes = 0;
  let keys = 0;
  const fail = (limit: DataLimit, pointer: string, max: number): CopyResult => ({ ok: false, problem: { code: 'E_DATA_LIMIT', limit, pointer, max } });
  const open = (source: unknown, parent: Frame | undefined, key: string): Frame | CopyResult | undefined => {
    const depth = (parent?.depth ?? 0) + 1;
    const isArray = Array.isArray(source);
    if (!isArray && !isPlainObject(source)) return undefined;
    if (depth > limits.maxDepth) return fail('depth', pointerOf(parent, parent === undefined ? undefined : key), limits.maxDepth);
    if (isArray && source.length > limits.maxArrayLength) return fail('array', pointerOf(parent, parent === undefined ? undefined : key), limits.maxArrayLength);
    return { source: source as Frame['source'], target: isArray ? [] : {}, depth, parent, key };
  };

  const root = open(value, undefined, '');
  if (root === undefined) {
    const copy = copyPrimitive(value);
    if (typeof copy === 'string' && tooLong(copy, limits.maxStringLength)) return fail('string', '', limits.maxStringLength);
    return { ok: true, value: copy };
  }
  if ('ok' in root) return root;
  const stack: Frame[] = [root];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const source = frame.source;
    const array = Array.isArray(source);
    const keysOf = array ? undefined : Object.keys(source);
    const length = keysOf === undefined ? (source as readonly unknown[]).length : keysOf.length;
    bytes += 2 + Math.max(length - 1, 0);
    for (let i = 0; i < length; i += 1) {
      const name = keysOf?.[i];
      const child = name === undefined ? (source as readonly unknown[])[i] : (source as Readonly<Record<string, unknown>>)[name];
      // An item's index as a pointer segment is only needed for a container or a problem.
      const key = name ?? (typeof child === 'object' || typeof child === 'string' ? String(i) : '');
      if (!array) {
        if (FORBIDDEN_KEYS.has(key)) continue;
        keys += 1;
        if (keys > limits.maxKeys) return fail('keys', pointerOf(frame, key), limits.maxKeys);
        if (tooLong(key, limits.maxStringLength)) return fail('string', pointerOf(frame, key), limits.maxStringLength);
        if (counting) bytes += utf8Size(key) + 1;
      }
      const next = open(child, frame, key);
      let copy: unknown;
      if (next === undefined) {
        copy = copyPrimitive(child);
        if (typeof copy === 'string') {
          if (tooLong(copy, limits.maxStringLength)) return fail('string', pointerOf(frame, key), limits.maxStringLength);
          if (counting) bytes += utf8Size(copy);
        } else if (counting) {
          bytes += copy === undefined ? 4 : String(copy).length;
        }
      } else if ('ok' in next) {
        return next;
      } else {
        copy = next.target;
        stack.push(next);
      }
      if (bytes > limits.maxBytes) return fail('size', pointerOf(frame, key), limits.maxBytes);
      if (array) (frame.target as unknown[]).push(copy ?? null);
      else if (copy !== undefined) (frame.target as Record<string, unknown>)[key] = copy;
    }
  }
  return { ok: true, value: root.target };
}
