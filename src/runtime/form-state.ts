/**
 * Pure functions over the widget's form data: JSON-pointer access, which
 * sections and fields apply, and the pruned, normalised copy that is validated
 * and signed. Nothing here touches the DOM or mutates its arguments.
 */
import type { FieldModel, FormModel, SectionModel } from '../ir/types.js';
import { normalizeDigits, normalizeIdNumber, normalizeLandline, normalizeMobile, normalizeText } from '../rules/normalize.js';
import { conditionHolds } from './field-condition.js';
import { copyJson, FORBIDDEN_KEYS, isPlainObject, UNBOUNDED } from './json-copy.js';

/** Form data as the widget holds it: a plain JSON object. */
export type FormData = Readonly<Record<string, unknown>>;

function segmentsOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * A deep copy of JSON data without forbidden keys, functions, `undefined` or
 * non-finite numbers: what the `data` property hands out. Iterative, so no
 * depth overflows the stack; the limits on what comes in are `copyJson`'s.
 *
 * @param value - any value.
 * @returns the JSON-only copy (`undefined` for values JSON cannot hold).
 */
export function cloneJson(value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const copy = copyJson(value, UNBOUNDED);
  return copy.ok ? copy.value : undefined;
}

/**
 * Reads a JSON pointer (RFC 6901) in the data.
 *
 * @param data - the form data.
 * @param pointer - e.g. `/applicant/name`.
 * @returns the value, or `undefined` when any step is missing.
 */
export function readPointer(data: unknown, pointer: string): unknown {
  let node: unknown = data;
  for (const segment of segmentsOf(pointer)) {
    if (!isPlainObject(node) || !Object.hasOwn(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}

/**
 * A copy of the data with the value at `pointer` replaced (created along the
 * way), or removed when `value` is `undefined`. Siblings are shared, not copied.
 *
 * @param data - the form data.
 * @param pointer - an object path such as `/applicant/name`.
 * @param value - the new value; `undefined` deletes the member.
 * @returns the new data; `data` itself is untouched.
 */
export function writePointer(data: FormData, pointer: string, value: unknown): FormData {
  const segments = segmentsOf(pointer);
  if (segments.some((s) => FORBIDDEN_KEYS.has(s))) return data;
  const write = (node: unknown, index: number): Record<string, unknown> => {
    const copy: Record<string, unknown> = isPlainObject(node) ? { ...node } : {};
    const key = segments[index] as string;
    if (index === segments.length - 1) {
      if (value === undefined) delete copy[key];
      else copy[key] = value;
    } else {
      copy[key] = write(copy[key], index + 1);
    }
    return copy;
  };
  return segments.length === 0 ? data : write(data, 0);
}

/**
 * The ticked services, restricted to the form's services, in the form's order.
 *
 * @param model - the form.
 * @param data - the form data.
 */
export function tickedServices(model: FormModel, data: FormData): string[] {
  const raw = readPointer(data, model.servicesPath);
  const ticked = new Set(Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string') : []);
  return model.services.map((s) => s.id).filter((id) => ticked.has(id));
}

/**
 * Whether a section applies: always-present sections always do; a service's
 * section while that service is ticked (by `section.service` or the service's
 * `sections` list, as the submission side reads it).
 *
 * @param model - the form.
 * @param section - one of its sections.
 * @param ticked - the ticked service ids.
 */
export function isSectionApplicable(model: FormModel, section: SectionModel, ticked: readonly string[]): boolean {
  const switches = model.services.filter((s) => s.sections.includes(section.key)).map((s) => s.id);
  if (section.service !== undefined) switches.push(section.service);
  return switches.length === 0 || switches.some((id) => ticked.includes(id));
}

/**
 * The sections to show and submit, in the model's order.
 *
 * @param model - the form.
 * @param data - the form data.
 */
export function applicableSections(model: FormModel, data: FormData): SectionModel[] {
  const ticked = tickedServices(model, data);
  return model.sections.filter((section) => isSectionApplicable(model, section, ticked));
}

/**
 * Whether a field is shown: its `visibleWhen` condition, if any, holds.
 *
 * @param field - the field.
 * @param data - the form data.
 */
export function isFieldVisible(field: FieldModel, data: FormData): boolean {
  if (field.visibleWhen === undefined) return true;
  return conditionHolds(field.visibleWhen, readPointer(data, field.visibleWhen.field));
}

/**
 * Normalises one value the way `field.normalize` says (DOMAIN.md "Input
 * normalisation"). Text that normalises to nothing becomes `undefined`, so an
 * emptied field is reported as missing rather than as too short.
 *
 * @param field - the field the value belongs to.
 * @param value - the value as typed.
 * @returns the normalised value.
 */
export function normalizeFieldValue(field: FieldModel, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  let out: string;
  switch (field.normalize) {
    case 'id':
      out = normalizeIdNumber(value);
      break;
    case 'digits':
      out = normalizeDigits(value);
      break;
    case 'mobile':
      out = normalizeMobile(value);
      break;
    case 'phone': {
      // A cn-phone field takes mobiles and landlines: a mobile loses its +86 and
      // hyphens, a landline keeps its hyphen after the area code (DOMAIN.md §3).
      const mobile = normalizeMobile(value);
      out = /^1\d{10}$/.test(mobile) ? mobile : normalizeLandline(value);
      break;
    }
    case 'text':
      out = normalizeText(value);
      break;
    default:
      out = value.trim();
  }
  return out === '' ? undefined : out;
}

/**
 * The data that is validated and signed: the services list, every applicable
 * section (an empty object when nothing was typed, so that its fields are
 * reported one by one), and in it only the model's visible fields, normalised.
 * Unticked sections, hidden fields and stray keys stay behind in memory.
 *
 * @param model - the form.
 * @param data - the form data as the widget holds it.
 * @returns a new object; `data` is untouched.
 */
export function submissionData(model: FormModel, data: FormData): Record<string, unknown> {
  const servicesKey = segmentsOf(model.servicesPath)[0] ?? 'services';
  const out: Record<string, unknown> = { [servicesKey]: tickedServices(model, data) };
  for (const section of applicableSections(model, data)) {
    const stored = readPointer(data, `/${section.key}`);
    const source = isPlainObject(stored) ? stored : {};
    const fields: Record<string, unknown> = {};
    for (const field of section.fields) {
      if (!Object.hasOwn(source, field.key) || !isFieldVisible(field, data)) continue;
      const value = normalizeFieldValue(field, cloneJson(source[field.key]));
      if (value !== undefined) fields[field.key] = value;
    }
    out[section.key] = fields;
  }
  return out;
}

/**
 * What a draft keeps (SECURITY.md §2 "Minimization"; DOMAIN.md §11.1): the
 * services list and, of the applicable sections only, the visible fields'
 * values exactly as typed (not normalised, so nothing the person typed
 * changes). Unticked sections and hidden fields stay in memory, never on disk.
 *
 * @param model - the form.
 * @param data - the form data as the widget holds it.
 * @returns a new object, or `undefined` when nothing was typed or ticked.
 */
export function draftData(model: FormModel, data: FormData): Record<string, unknown> | undefined {
  const servicesKey = segmentsOf(model.servicesPath)[0] ?? 'services';
  const ticked = tickedServices(model, data);
  const out: Record<string, unknown> = ticked.length === 0 ? {} : { [servicesKey]: ticked };
  for (const section of applicableSections(model, data)) {
    const stored = readPointer(data, `/${section.key}`);
    if (!isPlainObject(stored)) continue;
    const fields: Record<string, unknown> = {};
    for (const field of section.fields) {
      if (!Object.hasOwn(stored, field.key) || !isFieldVisible(field, data)) continue;
      const value = cloneJson(stored[field.key]);
      if (value !== undefined) fields[field.key] = value;
    }
    if (Object.keys(fields).length > 0) out[section.key] = fields;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}
