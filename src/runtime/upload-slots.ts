/**
 * Where files are attached, as pure functions of the model and the data: the
 * materials listed in the materials section, the `file` fields on screen, the
 * slots whose files go with a submission or a draft, and the required
 * uploads still missing.
 */
import type { FieldModel, FormModel, MaterialModel } from '../ir/types.js';
import { applicableSections, type FormData, isFieldVisible, tickedServices } from './form-state.js';
import { formatMessage } from './i18n/messages.js';
import { fieldMaterialIds, isMaterialApplicable, isUploadMaterial, isUploadRequired, materialPath } from './materials.js';
import type { ValidationIssue } from './validation-types.js';

/** The materials of the ticked services listed in the materials section (not collected by a `file` field). */
export function listedMaterials(model: FormModel, data: FormData): MaterialModel[] {
  const ticked = tickedServices(model, data);
  const inFields = fieldMaterialIds(model);
  return model.materials.filter((m) => isMaterialApplicable(m, ticked) && !inFields.has(m.id));
}

/** The `file` fields on screen (their sections apply and their conditions hold). */
export function visibleFileFields(model: FormModel, data: FormData): FieldModel[] {
  return applicableSections(model, data).flatMap((s) => s.fields.filter((f) => f.kind === 'file' && isFieldVisible(f, data)));
}

/** The upload slots whose files go with a submission or a draft: material ids, then `file` field paths. */
export function activeSlots(model: FormModel, data: FormData): string[] {
  return [...listedMaterials(model, data).filter(isUploadMaterial).map((m) => m.id), ...visibleFileFields(model, data).map((f) => f.path)];
}

/** Every slot the form has, shown or not (what a restored draft may hold). */
export function allSlots(model: FormModel): Set<string> {
  return new Set([...model.materials.map((m) => m.id), ...model.sections.flatMap((s) => s.fields.filter((f) => f.kind === 'file').map((f) => f.path))]);
}

/** The material whose rules a `file` field follows (a permissive default when the model names none). */
export function materialOfField(model: FormModel, field: FieldModel): MaterialModel {
  const id = field.material ?? field.key;
  return model.materials.find((m) => m.id === id) ?? { id, title: field.title, services: [], required: field.required, channels: ['upload'] };
}

/**
 * Required uploads that are missing, as issues at their materials
 * (`E_FILE_REQUIRED`); `file` fields are the validator's to check.
 *
 * @param model - the form.
 * @param data - the form data.
 * @param held - how many files each slot holds.
 */
export function missingUploads(model: FormModel, data: FormData, held: (slot: string) => number): ValidationIssue[] {
  return listedMaterials(model, data)
    .filter((m) => isUploadMaterial(m) && isUploadRequired(m) && held(m.id) === 0)
    .map((m) => ({
      path: materialPath(m.id),
      code: 'E_FILE_REQUIRED',
      severity: 'error' as const,
      message: formatMessage('E_FILE_REQUIRED', m.title),
      keyword: 'required',
      params: { material: m.id },
    }));
}
