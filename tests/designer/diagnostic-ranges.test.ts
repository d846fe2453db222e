import { describe, expect, it } from 'vitest';
import { placeDiagnostic } from '../../demo/src/editor/diagnostic-ranges.js';
import type { EditableFile } from '../../src/designer-api/types.js';
import type { Diagnostic } from '../../src/schema/diagnostics.js';

const diagnostic = (file: string, pointer: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  code: 'E_TEST',
  severity: 'error',
  file,
  pointer,
  message: { 'zh-CN': '错', en: 'wrong' },
  fix: 'fix it',
  ...extra,
});
const schema = '{\n  "properties": {\n    "name": { "title": "姓名", "typo": 1 }\n  }\n}\n';
const texts = new Map<EditableFile, string>([['form.schema.json', schema]]);
const marked = (d: Diagnostic, map = texts) => {
  const placement = placeDiagnostic(d, 'demo', map);
  return placement && { file: placement.file, text: (map.get(placement.file) ?? '').slice(placement.from, placement.to) };
};

describe('placeDiagnostic', () => {
  it('marks the key of the member a pointer names', () => {
    expect(marked(diagnostic('forms/demo/form.schema.json', '/properties/name/typo'))).toEqual({ file: 'form.schema.json', text: '"typo"' });
  });

  it('marks the nearest existing ancestor of a missing member', () => {
    expect(marked(diagnostic('forms/demo/form.schema.json', '/properties/name/description'))).toEqual({ file: 'form.schema.json', text: '"name"' });
  });

  it('uses line and column when a syntax error has no pointer', () => {
    expect(marked(diagnostic('forms/demo/form.schema.json', '', { line: 3, column: 5 }))).toEqual({ file: 'form.schema.json', text: '"' });
  });

  it('leaves problems of files not being edited to the problems list', () => {
    expect(placeDiagnostic(diagnostic('forms/common/person.schema.json', '/definitions/name'), 'demo', texts)).toBeUndefined();
    expect(placeDiagnostic(diagnostic('forms/other/form.schema.json', '/properties'), 'demo', texts)).toBeUndefined();
  });

  it('puts a problem of a patched base form on the extends.json operation that wrote the place', () => {
    const extension = '{"extends": "base", "schema": [\n  {"op": "test", "path": "/title", "value": "x"},\n  {"op": "add", "path": "/properties/mobile", "value": {"title": "手机", "typo": 1}}\n]}';
    const map = new Map<EditableFile, string>([['extends.json', extension]]);
    const patched = diagnostic('forms/base/form.schema.json + forms/demo/extends.json', '/properties/mobile/typo');
    expect(marked(patched, map)).toEqual({ file: 'extends.json', text: '"typo"' });
    const elsewhere = diagnostic('forms/base/form.schema.json + forms/demo/extends.json', '/required/0');
    expect(marked(elsewhere, map)).toEqual({ file: 'extends.json', text: '"schema"' });
  });
});
