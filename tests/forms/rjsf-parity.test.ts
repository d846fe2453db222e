import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RJSFSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { yibiaoAjvPlugin } from '../../src/ajv/plugin.js';
import { validateData } from '../../src/runtime/validate.js';
import { builtForm, examples, formIds, ROOT } from '../helpers/forms.js';

// rjsf calls validators without a context, so its rules read "today" from
// the clock; pin the clock to each example's application date (noon, Shanghai).
beforeAll(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterAll(() => vi.useRealTimers());

describe.each(formIds())('@rjsf/validator-ajv8 with the exported plugin agrees on %s', (formId) => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'forms', formId, 'schema.json'), 'utf8')) as RJSFSchema;
  const validator = customizeValidator({ extenderFn: yibiaoAjvPlugin });

  it.each(examples(formId).map((e) => [e.file, e] as const))('%s', async (_file, example) => {
    vi.setSystemTime(new Date(`${example.date}T04:00:00Z`));
    const ours = validateData(await builtForm(formId), example.data, { today: example.date });
    const theirs = validator.validateFormData(example.data as never, schema);
    expect(theirs.errors.length === 0).toBe(ours.valid);
    expect(ours.valid).toBe(example.kind === 'valid');
  });
});
