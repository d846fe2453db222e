import type { CompiledForm } from './compiled-form.js';
import { type FormData, submissionData } from './form-state.js';
import { formatMessage } from './i18n/messages.js';
import { missingUploads } from './upload-slots.js';
import { validateData } from './validate.js';
import type { ValidationResult } from './validation-types.js';

/** Input of {@link formVerdict}. */
export interface FormVerdictOptions {
  readonly form: CompiledForm;
  /** The data as the element holds it (pruned and normalised here). */
  readonly data: FormData;
  /** How many files an upload slot holds. */
  readonly held: (slot: string) => number;
  /** Whether the form is in a cross-origin frame it may not be submitted from. */
  readonly framed: boolean;
}

/**
 * The whole form's verdict: the validator's on the data that would be
 * submitted, then the required uploads that are missing and, in a
 * cross-origin frame not allowed by the host, `E_CROSS_ORIGIN_FRAME`
 * (SECURITY.md §2 "Host").
 *
 * @param options - the form, the data, the files held and the framing.
 * @returns errors and warnings, localised in both languages.
 */
export function formVerdict(options: FormVerdictOptions): ValidationResult {
  const { form, data } = options;
  const result = validateData(form, submissionData(form.model, data));
  const files = missingUploads(form.model, data, options.held);
  if (options.framed) {
    files.push({
      path: '',
      code: 'E_CROSS_ORIGIN_FRAME',
      severity: 'error',
      message: formatMessage('E_CROSS_ORIGIN_FRAME', form.model.title),
      keyword: 'frame',
      params: {},
    });
  }
  return files.length === 0 ? result : { valid: false, errors: [...result.errors, ...files], warnings: result.warnings };
}
