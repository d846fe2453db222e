import type { DepartmentId, FormModel, Lang } from '../../../src/ir/types.js';
import type { CompiledForm } from '../../../src/runtime/compiled-form.js';
import { type DepartmentPart, type PartVerdict, type SubmissionPayload, split, verifyPart } from '../../../src/submission/index.js';

/** What one department receives, and whether its part verifies on its own. */
export interface DepartmentView {
  readonly part: DepartmentPart;
  /** `verifyPart(part, { forms })`: the token, and the part against the signed payload. */
  readonly verdict: PartVerdict;
}

/** A department's name from the form's meta.json, or its id. */
export function departmentTitle(model: FormModel, department: DepartmentId, lang: Lang): string {
  return model.meta.departments[department]?.[lang] ?? department;
}

/**
 * Splits a submission per department with `split()` of src/submission (one
 * part per routed department: its services, its paths' data and the original
 * token) and verifies each part as that department would, with `verifyPart`.
 *
 * @param payload - the submitted payload.
 * @param token - its token.
 * @param form - the compiled version that made it (the verifier's registry).
 */
export async function departmentViews(payload: SubmissionPayload, token: string, form: CompiledForm): Promise<DepartmentView[]> {
  const forms = { get: (id: string) => (id === form.model.id ? form : undefined) };
  return Promise.all(
    split(payload, token).map(async (part) => ({ part, verdict: await verifyPart(part, { forms }) })),
  );
}
