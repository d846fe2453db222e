import { describe, expect, it } from 'vitest';
import type { FormModel } from '../../../src/ir/types.js';
import { withDivisions } from '../../../src/runtime/lazy/divisions.js';
import { E_RULES_LOADING, PENDING_VALIDATE, withLazyValidator } from '../../../src/runtime/lazy/validator.js';
import { validateData } from '../../../src/runtime/validate.js';
import type { CompiledValidateFunction } from '../../../src/runtime/validation-types.js';
import { t } from '../fixtures/model-kit.js';

const model = { id: 'f', title: t('申请表', 'Application'), sections: [], services: [], rules: [], materials: [] } as unknown as FormModel;

/** A validator that accepts only `{ ok: true }`, as a compiled one would. */
const real: CompiledValidateFunction = Object.assign(
  function realValidate(data: unknown): boolean {
    const ok = (data as { ok?: unknown }).ok === true;
    real.errors = ok ? null : [{ instancePath: '/ok', schemaPath: '#/properties/ok/const', keyword: 'const', params: { allowedValue: true } }];
    return ok;
  },
  { errors: null },
);

describe("the widget's lazy validator", () => {
  it('answers E_RULES_LOADING (never valid) until loaded, then is the real validator; imported once', async () => {
    let imports = 0;
    const form = withLazyValidator({ model }, async () => {
      imports += 1;
      return real;
    });
    expect(form.validate).toBe(PENDING_VALIDATE);
    const pending = validateData(form, { ok: true });
    expect(pending.valid).toBe(false);
    expect(pending.errors).toMatchObject([{ path: '', code: E_RULES_LOADING }]);
    expect(pending.errors[0]?.message['zh-CN']).toContain('校验规则尚未加载完成');
    expect(pending.errors[0]?.message.en).toContain('have not loaded yet');
    const [a, b] = await Promise.all([form.loadValidate?.(), form.loadValidate?.()]);
    expect(a).toBe(real);
    expect(b).toBe(real);
    expect(imports).toBe(1);
    expect(form.validate).toBe(real);
    expect(validateData(form, { ok: true })).toMatchObject({ valid: true, errors: [] });
    expect(validateData(form, { ok: false }).errors).toMatchObject([{ path: '/ok' }]);
  });

  it('stays pending after a failed import and loads on the next try (offline, then online)', async () => {
    let imports = 0;
    const form = withLazyValidator({ model }, async () => {
      imports += 1;
      if (imports === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return real;
    });
    await expect(form.loadValidate?.()).rejects.toThrow('Failed to fetch');
    expect(form.validate).toBe(PENDING_VALIDATE);
    await form.loadValidate?.();
    expect(form.validate).toBe(real);
  });

  it('composes with the lazy division tree without freezing either getter', async () => {
    const form = withDivisions(
      withLazyValidator({ model }, async () => real),
      async () => ({ source: 'test', provinces: [] }),
    );
    expect(form.validate).toBe(PENDING_VALIDATE);
    await form.loadValidate?.();
    expect(form.validate).toBe(real);
    expect(form.model).toBe(model);
    expect(typeof form.loadDivisions).toBe('function');
  });
});
