import { describe, expect, it } from 'vitest';
import { validateData } from '../../src/runtime/validate.js';
import { builtForm, examples, formIds } from '../helpers/forms.js';

describe.each(formIds())('examples of form %s', (formId) => {
  const all = examples(formId);

  it('has at least three valid examples and invalid ones that each name a rule and an expected error', () => {
    expect(all.filter((e) => e.kind === 'valid').length).toBeGreaterThanOrEqual(3);
    const invalid = all.filter((e) => e.kind === 'invalid');
    expect(invalid.length).toBeGreaterThan(0);
    for (const e of invalid) {
      expect(e.rule, e.file).toBeTypeOf('string');
      expect(e.expect?.length, e.file).toBeGreaterThan(0);
    }
  });

  it.each(all.filter((e) => e.kind === 'valid').map((e) => [e.file, e] as const))('accepts %s', async (_file, example) => {
    const result = validateData(await builtForm(formId), example.data, { today: example.date });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each(all.filter((e) => e.kind === 'invalid').map((e) => [e.file, e] as const))('rejects %s at its expected path', async (_file, example) => {
    const result = validateData(await builtForm(formId), example.data, { today: example.date });
    expect(result.valid).toBe(false);
    for (const expected of example.expect ?? []) {
      const match = result.errors.find(
        (issue) =>
          issue.path === expected.path &&
          issue.keyword === expected.keyword &&
          (expected.code === undefined || issue.code === expected.code),
      );
      expect(match, `${JSON.stringify(expected)} not among ${JSON.stringify(result.errors.map((e) => [e.path, e.keyword, e.code]))}`).toBeDefined();
      expect(match?.message['zh-CN']).toBeTruthy();
      expect(match?.message.en).toBeTruthy();
    }
  });
});
