import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsDivisions } from '../../src/compile/component.js';
import { moduleSizes, totalSizes } from '../../src/compile/sizes.js';
import type { PartLoad } from '../../src/compile/widget-parts.js';
import type { FormModel } from '../../src/ir/types.js';
import { formIds, ROOT } from '../helpers/forms.js';

/**
 * The shipped widget: `widget/dist/<id>.js` and the parts `<id>/parts.json`
 * lists — no runtime code generation, no compiler, no source maps, no import
 * of anything but its own parts, within its size budgets. Sizes are
 * deterministic, so the budgets are asserted (timings never are).
 */
/** What a first load costs: the entry plus its eager parts, brotli, each file on its own (≤ 0.20× rjsf's ~200 kB, issue #8). */
const FIRST_LOAD_BUDGET_BROTLI_BYTES = 41 * 1024;
/** Each lazy part (signing, drafts, files, shared lazy code). */
const LAZY_PART_BUDGET_BROTLI_BYTES = 12 * 1024;
/** The validator's lazy part (guangxi's, the largest, is ~12 kB). */
const VALIDATOR_PART_BUDGET_BROTLI_BYTES = 16 * 1024;
/** The lazy 省/市/县 tree of forms with an address or region field. */
const DIVISIONS_PART_BUDGET_BROTLI_BYTES = 32 * 1024;

const DIST = path.join(ROOT, 'widget', 'dist');

interface Listed {
  readonly file: string;
  readonly load: PartLoad;
  readonly integrity: string;
}

describe.each(formIds())('widget/dist/%s.js and its parts', (formId) => {
  const listed = (JSON.parse(readFileSync(path.join(DIST, formId, 'parts.json'), 'utf8')) as { parts: Listed[] }).parts;
  const files = listed.map((p) => ({ ...p, code: readFileSync(path.join(DIST, p.file), 'utf8') }));
  const model = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'forms', formId, 'model.json'), 'utf8')) as FormModel;

  it('lists the entry first, then only files in widget/dist/<id>/ that exist', () => {
    expect(listed[0]).toMatchObject({ file: `${formId}.js`, load: 'entry' });
    for (const part of listed.slice(1)) {
      expect(part.file).toMatch(new RegExp(`^${formId}/[A-Za-z0-9_-]+\\.js$`));
      expect(existsSync(path.join(DIST, part.file))).toBe(true);
    }
  });

  it('generates no code at run time (no eval, no Function constructor), in any part', () => {
    for (const { file, code } of files) {
      expect(code, file).not.toMatch(/\beval\s*\(/);
      expect(code, file).not.toMatch(/new\s+Function\s*\(/);
      expect(code, file).not.toMatch(/[^.\w]Function\s*\(/);
    }
  });

  it('carries no schema compiler and no source map, in any part', () => {
    for (const { file, code } of files) {
      expect(code, file).not.toContain('strict mode: unknown keyword');
      expect(code, file).not.toContain('json-schema-ref-parser');
      expect(code, file).not.toContain('sourceMappingURL');
      // ajv's ucs2length carries its own require(…) as a string for code generation; only a call would be a problem.
      expect(code, file).not.toMatch(/[^'"\w.]require\(/);
    }
  });

  it('imports nothing but its own listed parts, by relative path', () => {
    const names = new Set(listed.map((p) => p.file));
    for (const { file, code } of files) {
      const specifiers = [...code.matchAll(/\bimport\s*(?:[\w${},\s*]*from\s*)?\(?\s*"([^"]+)"/g)].map((m) => m[1] ?? '');
      for (const specifier of specifiers) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\.?\//);
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
        expect(names.has(target), `${file} imports ${specifier}, not a listed part`).toBe(true);
      }
    }
  });

  it('imports its eager parts statically and its lazy parts only with import()', () => {
    const entry = files[0]?.code ?? '';
    for (const part of listed.filter((p) => p.load === 'lazy')) {
      expect(entry).not.toMatch(new RegExp(`from\\s*"\\./${part.file}"|import\\s*"\\./${part.file}"`));
    }
    expect(listed.some((p) => p.load === 'lazy' && /submission-part-/.test(p.file))).toBe(true);
    expect(listed.some((p) => p.load === 'lazy' && /drafts-part-/.test(p.file))).toBe(true);
    expect(listed.some((p) => p.load === 'lazy' && /files-part-/.test(p.file))).toBe(true);
  });

  it('fetches its validator as a lazy part: no ajv code in the entry or the eager parts', () => {
    // ajv's standalone code builds a `required` error for every required member.
    const validator = files.filter((p) => p.code.includes('keyword:"required",params:{missingProperty:'));
    expect(validator.map((p) => [p.load, /validator-part-/.test(p.file)])).toEqual([['lazy', true]]);
  });

  it('ships only the renderers of its own field kinds (no address picker without an address field)', () => {
    const addressPicker = files.filter((p) => p.code.includes('位行政区划代码（GB/T 2260）'));
    expect(addressPicker.length).toBe(model.sections.some((s) => s.fields.some((f) => f.kind === 'address' || f.kind === 'region')) ? 1 : 0);
  });

  it(`loads first within ${FIRST_LOAD_BUDGET_BROTLI_BYTES / 1024} kB brotli (entry + eager parts)`, () => {
    const first = totalSizes(files.filter((p) => p.load !== 'lazy').map((p) => moduleSizes(p.code)));
    expect(first.brotli).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BROTLI_BYTES);
  });

  it('keeps each lazy part within its own budget', () => {
    for (const part of files.filter((p) => p.load === 'lazy')) {
      const budget = /\/data-/.test(part.file)
        ? DIVISIONS_PART_BUDGET_BROTLI_BYTES
        : /\/validator-part-/.test(part.file)
          ? VALIDATOR_PART_BUDGET_BROTLI_BYTES
          : LAZY_PART_BUDGET_BROTLI_BYTES;
      expect(moduleSizes(part.code).brotli, part.file).toBeLessThanOrEqual(budget);
    }
  });

  it('carries the 省/市/县 tree only as a lazy part, and only when the form has an address or region field', () => {
    const withTree = files.filter((p) => p.code.includes('"110000"') && p.code.includes('"北京市"'));
    if (needsDivisions(model)) {
      expect(withTree.map((p) => p.load)).toEqual(['lazy']);
    } else {
      expect(withTree).toEqual([]);
    }
  });
});
