import { base64url } from 'jose';
import type { FieldModel, FormModel, Lang } from '../ir/types.js';
import { conditionHolds } from '../runtime/field-condition.js';
import { isSectionApplicable, sectionSwitches, servicesKey } from './applicability.js';
import { decodeBase64urlStrict } from './base64url.js';
import { YibiaoUsageError } from './errors.js';
import { FORBIDDEN_KEYS } from './json-parse.js';
import { SUBMISSION_LIFETIME_SECONDS } from './limits.js';
import { deriveRouting, type Routing } from './routing.js';

/** The `typ` member of every payload. */
export const PAYLOAD_TYPE = 'yibiao-submission';

/** The payload format version this code writes and reads. */
export const PAYLOAD_VERSION = 1;

/** Which form, exactly, the data was filled in: never "the latest version". */
export interface SubmissionForm {
  readonly id: string;
  readonly version: string;
  /** `sha256-<base64url>` of the RFC 8785 bytes of the bundled schema. */
  readonly schemaHash: string;
}

/** An uploaded file, bound to the submission by its digest (the bytes travel separately). */
export interface AttachmentRef {
  /** Id of the material (`FormModel.materials[].id`) the file provides. */
  readonly field: string;
  /** File name, unique within the submission; no `/` or `\`. */
  readonly name: string;
  /** Lower-case media type, e.g. `image/jpeg`. */
  readonly mediaType: string;
  /** Size in bytes. */
  readonly size: number;
  /** SHA-256 of the bytes, 64 lower-case hex digits. */
  readonly sha256: string;
}

/**
 * What a citizen signs. Serialised with RFC 8785 (JCS) and carried as the
 * payload of a JWS compact serialisation; see docs/submission.md.
 */
export interface SubmissionPayload {
  readonly typ: typeof PAYLOAD_TYPE;
  readonly v: typeof PAYLOAD_VERSION;
  readonly form: SubmissionForm;
  /** Issued at, seconds since the epoch. */
  readonly iat: number;
  /** Expires, seconds since the epoch: `iat + 86400`. */
  readonly exp: number;
  /** base64url of at least 16 random bytes: one use per token. */
  readonly nonce: string;
  /** UUID that stays the same when a submission is re-signed on retry. */
  readonly submissionId: string;
  readonly lang: Lang;
  /** The ticked service ids, in the form's order. */
  readonly services: readonly string[];
  /**
   * Which department receives which services and which parts of `data`:
   * exactly `deriveRouting(model, services)` (the verifier recomputes it).
   */
  readonly routing: Routing;
  /** Always-present sections, sections of ticked services, and the services list. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly attachments: readonly AttachmentRef[];
}

/** Input of {@link buildPayload}. */
export interface BuildPayloadInput {
  /** The form the data was filled in. */
  readonly model: FormModel;
  /** The form data as the widget holds it (may contain unticked sections and stray keys). */
  readonly data: unknown;
  /** The language the applicant used. */
  readonly lang: Lang;
  /** Signing time; default: now. */
  readonly now?: Date;
  /** A nonce to reuse (a retry of the same token); default: 16 fresh random bytes. */
  readonly nonce?: string;
  /** A submission id to reuse (a re-signed retry); default: `crypto.randomUUID()`. */
  readonly submissionId?: string;
  /** Files the applicant attached, already hashed (see `describeAttachment`). */
  readonly attachments?: readonly AttachmentRef[];
}

/** RFC 4122 UUID in lower case, as `crypto.randomUUID()` writes it. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Smallest nonce, in bytes (128 bits, SECURITY.md §2 "Replay"). */
export const MIN_NONCE_BYTES = 16;

/** Largest nonce, in bytes. */
export const MAX_NONCE_BYTES = 64;

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A deep copy for signing: strings NFC-normalised (SECURITY.md §2 "Unicode"),
 * `undefined` members dropped as JSON would, forbidden keys dropped, numbers
 * left exactly as given. Non-JSON values are copied by reference so that
 * `canonicalBytes` can refuse them with a precise pointer.
 */
function cloneForSigning(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : cloneForSigning(item)));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined || FORBIDDEN_KEYS.has(key)) continue;
      out[key.normalize('NFC')] = cloneForSigning(child);
    }
    return out;
  }
  return value;
}

/** Reads a JSON pointer (RFC 6901) in plain data; undefined when absent. */
function readPointer(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = /^(0|[1-9][0-9]*)$/.test(segment) ? node[Number(segment)] : undefined;
    else if (isPlainObject(node)) node = Object.hasOwn(node, segment) ? node[segment] : undefined;
    else return undefined;
  }
  return node;
}

function isFieldShown(field: FieldModel, data: unknown): boolean {
  if (field.visibleWhen === undefined) return true;
  return conditionHolds(field.visibleWhen, readPointer(data, field.visibleWhen.field));
}

function checkInput(input: BuildPayloadInput): void {
  if (!isPlainObject(input)) throw new YibiaoUsageError('buildPayload: "input" must be an object');
  const { model, data, lang, now, nonce, submissionId, attachments } = input;
  if (!isPlainObject(model) || !Array.isArray(model.services) || !Array.isArray(model.sections)) {
    throw new YibiaoUsageError('buildPayload: "model" must be a FormModel');
  }
  if (!isPlainObject(data)) throw new YibiaoUsageError('buildPayload: "data" must be a plain object');
  if (lang !== 'zh-CN' && lang !== 'en') throw new YibiaoUsageError('buildPayload: "lang" must be "zh-CN" or "en"');
  if (now !== undefined && (!(now instanceof Date) || Number.isNaN(now.getTime()))) {
    throw new YibiaoUsageError('buildPayload: "now" must be a valid Date');
  }
  if (nonce !== undefined) {
    let size = -1;
    try {
      size = typeof nonce === 'string' ? decodeBase64urlStrict(nonce, '/nonce').length : -1;
    } catch {
      size = -1;
    }
    if (size < MIN_NONCE_BYTES || size > MAX_NONCE_BYTES) {
      throw new YibiaoUsageError('buildPayload: "nonce" must be base64url of 16 to 64 bytes');
    }
  }
  if (submissionId !== undefined && (typeof submissionId !== 'string' || !UUID_PATTERN.test(submissionId))) {
    throw new YibiaoUsageError('buildPayload: "submissionId" must be a lower-case UUID');
  }
  if (attachments !== undefined && !Array.isArray(attachments)) {
    throw new YibiaoUsageError('buildPayload: "attachments" must be an array');
  }
}

/**
 * Builds the payload a citizen signs from the widget's form data.
 *
 * Data minimisation happens here (SECURITY.md §2 "Minimization"): only
 * always-present sections and the sections of ticked services are kept, and
 * inside them only the fields the model defines and currently shows; every
 * other key is dropped. The ticked services are taken from the data at
 * `model.servicesPath`, restricted to the form's services, in the form's order,
 * and written back there. Strings are NFC-normalised; numbers are left as given.
 * `routing` says which department gets which services and sections
 * (`deriveRouting`).
 *
 * @param input - model, data, language, and optionally time, nonce, submission id, attachments.
 * @returns the payload, ready for `signSubmission`.
 * @throws {YibiaoUsageError} when an argument has the wrong type or format.
 * @example
 * const payload = buildPayload({ model: form.model, data: element.data, lang: 'zh-CN' });
 * const token = await signSubmission(payload, await createDeviceSigner());
 */
export function buildPayload(input: BuildPayloadInput): SubmissionPayload {
  checkInput(input);
  const { model, lang } = input;
  const data = input.data as Readonly<Record<string, unknown>>;
  const key = servicesKey(model);
  const rawServices = data[key];
  const ticked = new Set(Array.isArray(rawServices) ? rawServices.filter((s): s is string => typeof s === 'string') : []);
  const services = model.services.map((service) => service.id).filter((id) => ticked.has(id));
  const tickedSet = new Set(services);

  const switches = sectionSwitches(model);
  const out: Record<string, unknown> = { [key]: [...services] };
  for (const section of model.sections) {
    if (section.key === key) continue;
    if (!isSectionApplicable(switches.get(section.key) ?? new Set(), tickedSet)) continue;
    const value = Object.hasOwn(data, section.key) ? data[section.key] : undefined;
    if (value === undefined) continue;
    if (!isPlainObject(value)) {
      // Not an object: keep it, so re-validation names the section instead of it vanishing.
      out[section.key] = cloneForSigning(value);
      continue;
    }
    const fields: Record<string, unknown> = {};
    for (const field of section.fields) {
      if (!Object.hasOwn(value, field.key) || value[field.key] === undefined) continue;
      if (!isFieldShown(field, data)) continue;
      fields[field.key] = cloneForSigning(value[field.key]);
    }
    out[section.key] = fields;
  }

  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const attachments = (input.attachments ?? []).map((a) => ({
    field: a.field,
    name: typeof a.name === 'string' ? a.name.normalize('NFC') : a.name,
    mediaType: a.mediaType,
    size: a.size,
    sha256: a.sha256,
  }));
  return {
    typ: PAYLOAD_TYPE,
    v: PAYLOAD_VERSION,
    form: { id: model.id, version: model.version, schemaHash: model.schemaHash },
    iat,
    exp: iat + SUBMISSION_LIFETIME_SECONDS,
    nonce: input.nonce ?? base64url.encode(globalThis.crypto.getRandomValues(new Uint8Array(MIN_NONCE_BYTES))),
    submissionId: input.submissionId ?? globalThis.crypto.randomUUID(),
    lang,
    services,
    routing: deriveRouting(model, services),
    data: out,
    attachments,
  };
}
