import type { FormModel } from '../../../src/ir/types.js';
import { type FormData, readPointer, writePointer } from '../../../src/runtime/form-state.js';

/**
 * The part of the data typed into a previous version of the form that still
 * has a place in the new one: ticked services that still exist, and the value
 * of every field whose path still exists (a choice only while its option still
 * exists). What was typed into a removed field is dropped, not carried into
 * the next submission.
 *
 * @param model - the new version's model.
 * @param data - the data read from the previous version's element.
 * @returns a fresh data object for the new element.
 */
export function keepExisting(model: FormModel, data: unknown): FormData {
  let kept: FormData = {};
  const services = readPointer(data, model.servicesPath);
  if (Array.isArray(services)) {
    const ids = new Set(model.services.map((s) => s.id));
    kept = writePointer(kept, model.servicesPath, services.filter((s) => typeof s === 'string' && ids.has(s)));
  }
  for (const field of model.sections.flatMap((s) => s.fields)) {
    const value = readPointer(data, field.path);
    if (value === undefined) continue;
    if (field.options !== undefined && typeof value === 'string' && !field.options.some((o) => o.value === value)) continue;
    if (field.options !== undefined && Array.isArray(value)) {
      kept = writePointer(kept, field.path, value.filter((v) => field.options?.some((o) => o.value === v)));
      continue;
    }
    kept = writePointer(kept, field.path, value);
  }
  return kept;
}
