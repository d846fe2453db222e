/**
 * Node helpers of the security suite: timing, refusals, pollution checks, and
 * the built forms of `dist/forms` for token tests on real schemas. Hostile
 * forms compiled in a throw-away project are in ./hostile-form.ts (kept apart
 * so that token tests do not load the compiler).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CompactSign } from 'jose';
import { expect } from 'vitest';
import { builtFormRegistry } from '../../src/cli/form-registry.js';
import type { FormModel } from '../../src/ir/types.js';
import type { FormRegistry } from '../../src/runtime/compiled-form.js';
import { canonicalBytes } from '../../src/submission/canonicalize.js';
import { YibiaoVerifyError } from '../../src/submission/errors.js';
import { buildPayload } from '../../src/submission/payload.js';
import { ROOT } from '../helpers/forms.js';

/** A record of objects, for editing fixtures without casts at every step. */
export type Obj = Record<string, any>;

/** Runs `fn` and returns its result with the time it took, in milliseconds. */
export function timed<T>(fn: () => T): { readonly value: T; readonly ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/** Runs an async `fn` and returns its result with the time it took, in milliseconds. */
export async function timedAsync<T>(fn: () => Promise<T>): Promise<{ readonly value: T; readonly ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/**
 * Calls `fn`, which must throw a {@link YibiaoVerifyError} (never a
 * `RangeError` or anything else), and returns it with the time taken.
 */
export function refusal(fn: () => unknown): { readonly error: YibiaoVerifyError; readonly ms: number } {
  const start = performance.now();
  try {
    fn();
  } catch (error) {
    const ms = performance.now() - start;
    expect(error, String(error)).toBeInstanceOf(YibiaoVerifyError);
    return { error: error as YibiaoVerifyError, ms };
  }
  throw new Error('expected a YibiaoVerifyError, nothing was thrown');
}

/** Fails when anything reached `Object.prototype` (SECURITY.md §3: `({}).polluted` stays undefined). */
export function expectNoPollution(): void {
  expect(({} as Obj).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('__yibiaoXss');
}

/** An example of a built form, `forms/<id>/examples/<kind>/<name>.json`. */
export function example(formId: string, file: string): { readonly date: string; readonly data: Obj } {
  return JSON.parse(readFileSync(path.join(ROOT, 'forms', formId, 'examples', file), 'utf8')) as { date: string; data: Obj };
}

/** 10:00 in Beijing on an application date `YYYY-MM-DD`. */
export function beijingMorning(date: string): Date {
  return new Date(`${date}T02:00:00Z`);
}

/**
 * Every value of a JSON document at a key, anywhere (to list the personal
 * data a log line must not contain).
 */
export function valuesAt(value: unknown, keys: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (keys.has(key) && typeof child === 'string') out.push(child);
        walk(child);
      }
    }
  };
  walk(value);
  return out;
}

/** The compiled forms of this checkout's `dist/forms` (run `npm run build` first). */
export const builtRegistry: FormRegistry = builtFormRegistry(path.join(ROOT, 'dist', 'forms'));

/** A built form's model, or a failure telling to build first. */
export async function builtModel(formId: string): Promise<FormModel> {
  const form = await builtRegistry.get(formId);
  if (form === undefined) throw new Error(`dist/forms/${formId} is missing — run \`npm run build\` first`);
  return form.model;
}

/**
 * A payload of a built form's example, signed "at 10:00 Beijing time" on the
 * example's date, as a plain object to tamper with; `now` is that time.
 */
export async function examplePayload(formId: string, file: string): Promise<{ payload: Obj; now: Date }> {
  const { date, data } = example(formId, file);
  const now = beijingMorning(date);
  const payload = buildPayload({ model: await builtModel(formId), data, lang: 'zh-CN', now });
  return { payload: structuredClone(payload) as unknown as Obj, now };
}

/** Signs any payload object's canonical bytes (or given bytes) with a test key, like a conforming signer would. */
export async function signWith(key: { privateKey: CryptoKey; jwk: JsonWebKey }, payload: unknown, bytes?: Uint8Array): Promise<string> {
  return new CompactSign(bytes ?? canonicalBytes(payload))
    .setProtectedHeader({ alg: 'ES256', typ: 'yibiao+jws', jwk: key.jwk as never })
    .sign(key.privateKey);
}

/**
 * The shortest of `tries` runs of `fn`, in milliseconds: a bound on the work
 * itself, not on a garbage collection or another process that happened to
 * run at the same time (a catastrophic case is slow every time).
 */
export function fastest(fn: () => unknown, tries = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < tries; i += 1) best = Math.min(best, timed(fn).ms);
  return best;
}

/**
 * The number of fast-check runs of a property: `ci` in the ordinary test run
 * (each property stays within about 2 s), 20 × `ci` under `npm run fuzz`,
 * and exactly `FUZZ_RUNS` when that variable is set.
 */
export function fuzzRuns(ci: number): number {
  const forced = Number(process.env.FUZZ_RUNS);
  if (Number.isSafeInteger(forced) && forced > 0) return forced;
  return process.env.npm_lifecycle_event === 'fuzz' ? ci * 20 : ci;
}

/**
 * Runs `fn` (up to `tries` times while it is slower than `bound`) and returns
 * its last result with the shortest time: a bound on the work, robust to a
 * machine busy with other processes.
 */
export async function withinBound<T>(bound: number, fn: () => T | Promise<T>, tries = 3): Promise<{ readonly value: T; readonly ms: number }> {
  let best = Number.POSITIVE_INFINITY;
  let value: T | undefined;
  for (let i = 0; i < tries && best >= bound; i += 1) {
    const start = performance.now();
    value = await fn();
    best = Math.min(best, performance.now() - start);
  }
  return { value: value as T, ms: best };
}
