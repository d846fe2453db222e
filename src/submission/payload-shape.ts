import { decodeBase64urlStrict } from './base64url.js';
import { YibiaoVerifyError } from './errors.js';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, SUBMISSION_LIFETIME_SECONDS } from './limits.js';
import {
  type AttachmentRef,
  MAX_NONCE_BYTES,
  MIN_NONCE_BYTES,
  PAYLOAD_TYPE,
  PAYLOAD_VERSION,
  type SubmissionPayload,
  UUID_PATTERN,
} from './payload.js';
import { DEPARTMENTS } from './routing.js';
import { firstTextProblem } from './text.js';

const PAYLOAD_KEYS = ['typ', 'v', 'form', 'iat', 'exp', 'nonce', 'submissionId', 'lang', 'services', 'routing', 'data', 'attachments'];
const ROUTE_KEYS = ['services', 'paths'];
const FORM_KEYS = ['id', 'version', 'schemaHash'];
const ATTACHMENT_KEYS = ['field', 'name', 'mediaType', 'size', 'sha256'];

const FORM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const FORM_VERSION = /^[A-Za-z0-9][A-Za-z0-9.+_-]{0,63}$/;
const SCHEMA_HASH = /^sha256-[A-Za-z0-9_-]{43}$/;
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const MAX_FILE_NAME = 255;
/** A non-empty RFC 6901 JSON pointer whose escapes are `~0` and `~1` only. */
const JSON_POINTER = /^(?:\/(?:[^~/]|~[01])*)+$/;

type Shape = Readonly<Record<string, unknown>>;

function invalid(pointer: string, detail: string): never {
  throw new YibiaoVerifyError('E_PAYLOAD_INVALID', { pointer, detail });
}

function isRecord(value: unknown): value is Shape {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function exactKeys(value: unknown, keys: readonly string[], pointer: string): Shape {
  if (!isRecord(value)) invalid(pointer, 'not an object');
  for (const key of keys) if (!Object.hasOwn(value, key)) invalid(`${pointer}/${key}`, 'missing');
  for (const key of Object.keys(value)) if (!keys.includes(key)) invalid(pointer, 'unknown member');
  return value;
}

function matching(value: unknown, pattern: RegExp, pointer: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) invalid(pointer, 'wrong format');
  return value;
}

function seconds(value: unknown, pointer: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) invalid(pointer, 'not a time in seconds');
  return value;
}

function checkAttachment(value: unknown, pointer: string): AttachmentRef {
  const a = exactKeys(value, ATTACHMENT_KEYS, pointer);
  const field = matching(a.field, IDENTIFIER, `${pointer}/field`);
  const { name } = a;
  if (typeof name !== 'string' || name.length === 0 || [...name].length > MAX_FILE_NAME || /[/\\]/.test(name)) {
    invalid(`${pointer}/name`, 'not a file name');
  }
  const mediaType = matching(a.mediaType, MEDIA_TYPE, `${pointer}/mediaType`);
  const { size } = a;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) invalid(`${pointer}/size`, 'not a size');
  if (size > MAX_ATTACHMENT_BYTES) throw new YibiaoVerifyError('E_LIMIT', { pointer: `${pointer}/size`, detail: 'file too large' });
  const sha256 = matching(a.sha256, SHA256_HEX, `${pointer}/sha256`);
  return { field, name, mediaType, size, sha256 };
}

function uniqueStrings(value: unknown, pattern: RegExp, pointer: string, what: string): void {
  if (!Array.isArray(value)) invalid(pointer, 'not an array');
  const seen = new Set<string>();
  value.forEach((item: unknown, i) => {
    const text = matching(item, pattern, `${pointer}/${i}`);
    if (seen.has(text)) invalid(`${pointer}/${i}`, `duplicate ${what}`);
    seen.add(text);
  });
}

/** The shape of `routing`; whether it is the right routing is the model's check (E_ROUTING_MISMATCH). */
function checkRoutingShape(value: unknown): void {
  if (!isRecord(value)) invalid('/routing', 'not an object');
  for (const department of Object.keys(value)) {
    if (!(DEPARTMENTS as readonly string[]).includes(department)) invalid('/routing', 'unknown department');
    const pointer = `/routing/${department}`;
    const route = exactKeys(value[department], ROUTE_KEYS, pointer);
    uniqueStrings(route.services, IDENTIFIER, `${pointer}/services`, 'service');
    if ((route.services as unknown[]).length === 0) invalid(`${pointer}/services`, 'no service');
    uniqueStrings(route.paths, JSON_POINTER, `${pointer}/paths`, 'path');
  }
}

/**
 * Checks that a parsed value has exactly the shape of a {@link SubmissionPayload}
 * (version 1): every member present, no other member, each of the right type
 * and format, `exp` after `iat` by at most 24 h, unique services and file names,
 * `routing` keyed by known departments with unique services and JSON pointers,
 * and every string NFC without control, bidi or zero-width characters.
 * Form-dependent checks (known services, applicable sections) come later.
 *
 * @param value - the parsed payload.
 * @returns the same value, typed.
 * @throws {YibiaoVerifyError} `E_PAYLOAD_INVALID` with the pointer of the first
 *   problem, or `E_LIMIT` for too many or too large attachments.
 */
export function checkPayloadShape(value: unknown): SubmissionPayload {
  const p = exactKeys(value, PAYLOAD_KEYS, '');
  if (p.typ !== PAYLOAD_TYPE) invalid('/typ', 'unexpected type');
  if (p.v !== PAYLOAD_VERSION) invalid('/v', 'unsupported version');
  const form = exactKeys(p.form, FORM_KEYS, '/form');
  matching(form.id, FORM_ID, '/form/id');
  matching(form.version, FORM_VERSION, '/form/version');
  matching(form.schemaHash, SCHEMA_HASH, '/form/schemaHash');
  const iat = seconds(p.iat, '/iat');
  const exp = seconds(p.exp, '/exp');
  if (exp <= iat || exp - iat > SUBMISSION_LIFETIME_SECONDS) invalid('/exp', 'exp must be after iat by at most 24 h');

  let nonceBytes = -1;
  if (typeof p.nonce === 'string') {
    try {
      nonceBytes = decodeBase64urlStrict(p.nonce, '/nonce').length;
    } catch {
      nonceBytes = -1;
    }
  }
  if (nonceBytes < MIN_NONCE_BYTES || nonceBytes > MAX_NONCE_BYTES) invalid('/nonce', 'not base64url of 16 to 64 bytes');
  matching(p.submissionId, UUID_PATTERN, '/submissionId');
  if (p.lang !== 'zh-CN' && p.lang !== 'en') invalid('/lang', 'unsupported language');

  if (!Array.isArray(p.services)) invalid('/services', 'not an array');
  const services = new Set<string>();
  p.services.forEach((service: unknown, i) => {
    const id = matching(service, IDENTIFIER, `/services/${i}`);
    if (services.has(id)) invalid(`/services/${i}`, 'duplicate service');
    services.add(id);
  });

  checkRoutingShape(p.routing);

  if (!isRecord(p.data)) invalid('/data', 'not an object');

  if (!Array.isArray(p.attachments)) invalid('/attachments', 'not an array');
  if (p.attachments.length > MAX_ATTACHMENTS) {
    throw new YibiaoVerifyError('E_LIMIT', { pointer: '/attachments', detail: 'too many attachments' });
  }
  const names = new Set<string>();
  p.attachments.forEach((item: unknown, i) => {
    const { name } = checkAttachment(item, `/attachments/${i}`);
    if (names.has(name)) invalid(`/attachments/${i}/name`, 'duplicate file name');
    names.add(name);
  });

  const problem = firstTextProblem(p);
  if (problem !== undefined) invalid(problem.pointer, `text is ${problem.kind}`);
  return value as SubmissionPayload;
}
