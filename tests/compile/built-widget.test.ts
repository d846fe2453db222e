import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsDivisions } from '../../src/compile/component.js';
import { moduleSizes } from '../../src/compile/sizes.js';
import type { FormModel } from '../../src/ir/types.js';
import { formIds, ROOT } from '../helpers/forms.js';

/**
 * The shipped module: self-contained, no runtime code generation, no compiler,
 * no source maps, within its size budget. Sizes are deterministic, so the
 * budget is asserted (timings never are).
 */
const BUDGET_BROTLI_BYTES = 64 * 1024;
/** Forms with a 省/市/县 picker also carry the division tree (about 23 kB brotli). */
const DIVISIONS_ALLOWANCE_BYTES = 32 * 1024;

describe.each(formIds())('widget/dist/%s.js', (formId) => {
  const code = readFileSync(path.join(ROOT, 'widget', 'dist', `${formId}.js`), 'utf8');
  const model = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'forms', formId, 'model.json'), 'utf8')) as FormModel;
  const budget = BUDGET_BROTLI_BYTES + (needsDivisions(model) ? DIVISIONS_ALLOWANCE_BYTES : 0);

  it('generates no code at run time (no eval, no Function constructor)', () => {
    expect(code).not.toMatch(/\beval\s*\(/);
    expect(code).not.toMatch(/new\s+Function\s*\(/);
    expect(code).not.toMatch(/[^.\w]Function\s*\(/);
  });

  it('carries no schema compiler and no source map', () => {
    expect(code).not.toContain('strict mode: unknown keyword');
    expect(code).not.toContain('json-schema-ref-parser');
    expect(code).not.toContain('sourceMappingURL');
    // ajv's ucs2length carries its own require(…) as a string for code generation; only a call would be a problem.
    expect(code).not.toMatch(/[^'"\w.]require\(/);
  });

  it('imports nothing: one self-contained module', () => {
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  it(`stays within its size budget (${budget / 1024} kB brotli)`, () => {
    expect(moduleSizes(code).brotli).toBeLessThanOrEqual(budget);
  });
});
