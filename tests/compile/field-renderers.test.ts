import { describe, expect, it } from 'vitest';
import { fieldKinds, fieldRenderersModule } from '../../src/compile/field-renderers.js';
import type { FormModel } from '../../src/ir/types.js';
import { rendererExport } from '../../src/runtime/fields/renderer-export.js';
import * as renderers from '../../src/runtime/fields/renderers.js';

const model = (...kinds: string[]) => ({ sections: [{ fields: kinds.map((kind) => ({ kind })) }, { fields: [{ kind: 'text' }] }] }) as unknown as FormModel;

describe("a form's own renderer table", () => {
  it('every kind has its renderer exported under the camelCase name the compiler imports', () => {
    const exports = renderers as unknown as Record<string, unknown>;
    for (const [kind, render] of Object.entries(renderers.RENDERERS)) {
      expect(exports[rendererExport(kind)], kind).toBe(render);
    }
    expect(rendererExport('date-or-permanent')).toBe('dateOrPermanent');
  });

  it('imports exactly the kinds the form uses, once each', () => {
    expect(fieldKinds(model('year-month', 'text', 'radio', 'radio'))).toEqual(['radio', 'text', 'year-month']);
    const code = fieldRenderersModule(model('year-month', 'text', 'radio'), '/r/fields/renderers.ts');
    expect(code).toContain('import { radio, text, yearMonth } from "/r/fields/renderers.ts";');
    expect(code).toContain('export const RENDERERS = { "radio": radio, "text": text, "year-month": yearMonth };');
    expect(code).not.toMatch(/address|file/);
  });
});
