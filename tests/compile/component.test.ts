import { describe, expect, it } from 'vitest';
import { className, componentEntry, tagName, usesDivisionKeyword } from '../../src/compile/component.js';

describe('component names', () => {
  it('names the tag yibiao-<formId> and the class Yibiao<FormId>Form', () => {
    expect(tagName('shandong')).toBe('yibiao-shandong');
    expect(className('shandong')).toBe('YibiaoShandongForm');
    expect(className('inner-mongolia')).toBe('YibiaoInnerMongoliaForm');
  });
});

describe('componentEntry and the division tree', () => {
  const model = (kind: string) =>
    ({ id: 'f', sections: [{ fields: [{ kind }] }] }) as unknown as Parameters<typeof componentEntry>[0];
  const imports = { defineForm: '/r/define-form.ts', validator: '/v.js', divisions: '/r/data.ts' };

  it('imports the tree lazily, with import(), when given the lazy loader and the form has an address field', () => {
    const code = componentEntry(model('address'), { ...imports, lazyDivisions: '/r/lazy/divisions.ts' });
    expect(code).toContain('import { withDivisions } from "/r/lazy/divisions.ts";');
    expect(code).toContain('import("/r/data.ts")');
    expect(code).not.toMatch(/import \{ DIVISIONS/);
  });

  it('imports the tree statically without the lazy loader, and not at all without an address field', () => {
    expect(componentEntry(model('address'), imports)).toContain('import { DIVISIONS as divisions } from "/r/data.ts";');
    const plain = componentEntry(model('text'), { ...imports, lazyDivisions: '/r/lazy/divisions.ts' });
    expect(plain).not.toContain('/r/data.ts');
    expect(plain).not.toContain('withDivisions');
  });

  it('carries the tree when the validator uses yibiaoDivision, even without an address field', () => {
    expect(usesDivisionKeyword('const p = yibiaoRules.yibiaoDivision(data, true);')).toBe(true);
    expect(usesDivisionKeyword('const p = yibiaoRules.yibiaoIdDocument(data, {});')).toBe(false);
    expect(componentEntry(model('text'), { ...imports, lazyDivisions: '/r/lazy/divisions.ts' }, true)).toContain('import("/r/data.ts")');
  });
});

describe('componentEntry and the validator', () => {
  const model = (kind: string) =>
    ({ id: 'f', sections: [{ fields: [{ kind }] }] }) as unknown as Parameters<typeof componentEntry>[0];
  const imports = { defineForm: '/r/define-form.ts', validator: '/v.js', divisions: '/r/data.ts' };

  it('imports the validator with import() when given the lazy loader, composed with the lazy tree', () => {
    const code = componentEntry(model('address'), { ...imports, lazyValidator: '/r/lazy/validator.ts', lazyDivisions: '/r/lazy/divisions.ts' });
    expect(code).toContain('import { withLazyValidator } from "/r/lazy/validator.ts";');
    expect(code).toContain('withDivisions(withLazyValidator({ model }, () => import("/v.js").then((m) => m.validate)), () => import("/r/data.ts")');
    expect(code).not.toMatch(/import \{ validate \}/);
  });

  it('imports it statically without the lazy loader (the designer), with an eager tree beside it', () => {
    expect(componentEntry(model('address'), imports)).toContain('import { validate } from "/v.js";');
    expect(componentEntry(model('address'), imports)).toContain('form: { model, divisions, validate }');
    expect(componentEntry(model('address'), { ...imports, lazyValidator: '/r/lazy/validator.ts' })).toContain(
      'withLazyValidator({ model, divisions }, () => import("/v.js")',
    );
  });
});
