import type { FormExample } from '../../../src/designer-api/types.js';
import type { CompiledForm } from '../../../src/runtime/compiled-form.js';
import { validateData } from '../../../src/runtime/validate.js';
import type { ValidationIssue } from '../../../src/runtime/validation-types.js';

/** One expected error of an invalid example, and whether the validator reported it. */
export interface Expectation {
  readonly path: string;
  readonly keyword: string;
  readonly code?: string;
  readonly found: boolean;
}

/** An example's expected verdict beside the actual one. */
export interface ExampleVerdict {
  readonly expectedValid: boolean;
  readonly actualValid: boolean;
  readonly expectations: readonly Expectation[];
  readonly errors: readonly ValidationIssue[];
  readonly warnings: readonly ValidationIssue[];
  /** Valid as expected, or invalid with every expected error present. */
  readonly asExpected: boolean;
}

/**
 * Checks an example with the compiled validator at its application date, the
 * way `tests/forms/examples.test.ts` does: an expected error is found when an
 * issue has its path and keyword (and its code, when the example names one).
 *
 * @param form - the compiled form.
 * @param example - a file of `forms/<id>/examples/`.
 */
export function exampleVerdict(form: CompiledForm, example: FormExample): ExampleVerdict {
  const result = validateData(form, example.data, example.date === undefined ? {} : { today: example.date });
  const expectations = (example.expect ?? []).map((expected): Expectation => {
    const found = result.errors.some((issue) => issue.path === expected.path && issue.keyword === expected.keyword && (expected.code === undefined || issue.code === expected.code));
    return expected.code === undefined ? { path: expected.path, keyword: expected.keyword, found } : { path: expected.path, keyword: expected.keyword, code: expected.code, found };
  });
  const expectedValid = example.kind === 'valid';
  const asExpected = expectedValid ? result.valid : !result.valid && expectations.every((e) => e.found);
  return { expectedValid, actualValid: result.valid, expectations, errors: result.errors, warnings: result.warnings, asExpected };
}
