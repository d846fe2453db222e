import { base64url } from 'jose';
import type { DepartmentId } from '../ir/types.js';
import { isRecord } from '../types/is-record.js';
import { canonicalBytes } from './canonicalize.js';
import { verifyErrorMessage, YibiaoUsageError, YibiaoVerifyError } from './errors.js';
import type { SubmissionPayload } from './payload.js';
import { checkPayloadShape } from './payload-shape.js';
import { DEPARTMENTS, isDepartmentId } from './routing.js';
import { type Verdict, type VerifyFailure, type VerifyOptions, type VerifySuccess, verifyWith } from './verify.js';

/**
 * One department's part of a signed submission. It carries the whole original
 * token, so the department can verify the signature itself, plus the data
 * routed to it: `data` holds exactly the values of the signed `data` at
 * `paths` (see {@link verifyPart}).
 */
export interface DepartmentPart {
  readonly department: DepartmentId;
  /** The department's ticked services (`routing[department].services`). */
  readonly services: readonly string[];
  /** JSON pointers into the signed `data` (`routing[department].paths`). */
  readonly paths: readonly string[];
  /** Only the values at `paths`, in the same nesting as in the signed `data`. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The original token, unchanged. */
  readonly token: string;
}

const PART_KEYS = ['department', 'services', 'paths', 'data', 'token'];


function segmentsOf(pointer: string): string[] {
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The values of `data` at `paths`, in the same nesting; a path whose value is
 * absent is left out. Paths go through object members only.
 */
function pick(data: Readonly<Record<string, unknown>>, paths: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const segments = segmentsOf(path);
    let source: unknown = data;
    for (const segment of segments) {
      source = isRecord(source) && Object.hasOwn(source, segment) ? source[segment] : undefined;
    }
    if (source === undefined) continue;
    let target = out;
    segments.forEach((segment, i) => {
      if (i === segments.length - 1) {
        target[segment] = structuredClone(source);
        return;
      }
      const next = Object.hasOwn(target, segment) ? target[segment] : undefined;
      if (!isRecord(next)) target[segment] = {};
      target = target[segment] as Record<string, unknown>;
    });
  }
  return out;
}

/**
 * Splits a verified submission into one part per department of its
 * `routing`, in {@link DEPARTMENTS} order. Each part carries the original
 * token, the department's services and paths, and only the data at those
 * paths. Call it after `verify` accepted the token; each recipient checks its
 * part with {@link verifyPart}.
 *
 * Routing is not confidentiality: the token inside every part still holds the
 * whole submission (it is what the signature covers). Hand a department its
 * part over a channel you would trust with the whole.
 *
 * @param payload - the accepted payload (`verdict.payload`).
 * @param token - the token it came from.
 * @returns the parts.
 * @throws {YibiaoUsageError} when the token does not carry exactly this payload.
 * @example
 * const verdict = await verify(token, { forms });
 * if (verdict.ok) for (const part of split(verdict.payload, token)) await send(part.department, part);
 */
export function split(payload: SubmissionPayload, token: string): DepartmentPart[] {
  if (typeof token !== 'string') throw new YibiaoUsageError('split: "token" must be a string');
  let bytes: Uint8Array;
  try {
    checkPayloadShape(payload);
    bytes = canonicalBytes(payload);
  } catch (cause) {
    if (!(cause instanceof YibiaoVerifyError)) throw cause;
    throw new YibiaoUsageError(`split: "payload" is not a submission payload (${cause.message})`);
  }
  if (token.split('.')[1] !== base64url.encode(bytes)) throw new YibiaoUsageError('split: "token" does not carry this payload');
  const parts: DepartmentPart[] = [];
  for (const department of DEPARTMENTS) {
    const route = payload.routing[department];
    if (route === undefined) continue;
    parts.push({
      department,
      services: [...route.services],
      paths: [...route.paths],
      data: pick(payload.data, route.paths),
      token,
    });
  }
  return parts;
}

/** An accepted part: the verdict of its token, and the part as checked. */
export interface PartSuccess extends VerifySuccess {
  readonly part: Omit<DepartmentPart, 'token'>;
}

/** The outcome of {@link verifyPart}. */
export type PartVerdict = PartSuccess | VerifyFailure;

function mismatch(pointer: string, detail?: string): never {
  throw new YibiaoVerifyError('E_PART_MISMATCH', { pointer, ...(detail === undefined ? {} : { detail }) });
}

function sameStrings(value: unknown, expected: readonly string[]): boolean {
  return Array.isArray(value) && value.length === expected.length && value.every((item, i) => item === expected[i]);
}

function checkPartShape(part: unknown): asserts part is DepartmentPart {
  if (!isRecord(part)) mismatch('/part', 'not an object');
  for (const key of PART_KEYS) if (!Object.hasOwn(part, key)) mismatch(`/part/${key}`, 'missing');
  for (const key of Object.keys(part)) if (!PART_KEYS.includes(key)) mismatch('/part', 'unknown member');
  if (!isDepartmentId(part.department)) mismatch('/part/department', 'unknown department');
  if (!Array.isArray(part.services) || !Array.isArray(part.paths)) mismatch('/part', 'services and paths must be arrays');
  if (!isRecord(part.data)) mismatch('/part/data', 'not an object');
}

function checkPart(part: DepartmentPart, payload: SubmissionPayload): void {
  const route = payload.routing[part.department];
  if (route === undefined) mismatch('/part/department', 'not routed to this department');
  if (!sameStrings(part.services, route.services)) mismatch('/part/services');
  if (!sameStrings(part.paths, route.paths)) mismatch('/part/paths');
  let received: Uint8Array;
  try {
    received = canonicalBytes(part.data);
  } catch (cause) {
    throw new YibiaoVerifyError('E_PART_MISMATCH', { pointer: '/part/data', detail: 'not canonicalisable JSON', cause });
  }
  const expected = canonicalBytes(pick(payload.data, route.paths));
  if (received.length !== expected.length || received.some((b, i) => b !== expected[i])) mismatch('/part/data');
}

/**
 * Verifies a department part: first the part's own shape, then its token with
 * every check of `verify` (signature, form, time, routing, data …), then that
 * the part is what `split` makes of that token — the department is in the
 * signed `routing`, `services` and `paths` equal its entry there, and `data`
 * equals the signed data's values at `paths` (compared as RFC 8785 bytes).
 * The part check runs before files and nonce, so a forged part does not use
 * up the token's nonce.
 *
 * @param part - a part as received (checked here, so `unknown` shapes are refused).
 * @param options - as for `verify` (forms, trusted keys, algorithms, clock, nonce store …).
 * @returns the token's verdict plus the checked part, or a failure:
 *   `E_PART_MISMATCH` for the part, any `verify` code for the token.
 * @throws {YibiaoUsageError} when the options are wrong.
 * @example
 * const verdict = await verifyPart(JSON.parse(body), { forms, algorithms: ['ES256', 'SM3withSM2'] });
 * if (verdict.ok) store(verdict.part.data);
 */
export async function verifyPart(part: DepartmentPart, options: VerifyOptions): Promise<PartVerdict> {
  try {
    checkPartShape(part);
  } catch (error) {
    if (!(error instanceof YibiaoVerifyError)) throw error;
    return { ok: false, code: error.code, message: verifyErrorMessage(error.code), ...(error.pointer === undefined ? {} : { pointer: error.pointer }) };
  }
  const verdict: Verdict = await verifyWith(part.token, options, (payload) => checkPart(part, payload));
  if (!verdict.ok) return verdict;
  return {
    ...verdict,
    part: { department: part.department, services: [...part.services], paths: [...part.paths], data: part.data },
  };
}
