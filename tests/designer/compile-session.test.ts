import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectPaths } from '../../src/compile/paths.js';
import { parseCompileRequest } from '../../src/designer-api/compile-request.js';
import { createCompileSession } from '../../src/designer-api/compile-session.js';
import { readFormSource } from '../../src/designer-api/form-files.js';
import { ROOT } from '../helpers/forms.js';

const paths = projectPaths(ROOT);
const session = createCompileSession(paths);
afterAll(() => session.dispose());

describe('the designer compile session', () => {
  it('compiles edited files into the schema, model, preview entry and validator, and the whole module on demand', async () => {
    const source = await readFormSource(paths, 'shandong');
    if (source === undefined) throw new Error('forms/shandong is missing');
    const schemaFile = source.files.find((f) => f.path === 'form.schema.json');
    const edited = source.files.map((f) => (f === schemaFile ? { ...f, text: f.text.replace('"title": "申请联办事项"', '"title": "申请联办事项（改）"') } : f));
    const response = await session.compile({ id: 'shandong', files: edited });
    expect(response.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(response.output?.model.servicesTitle['zh-CN']).toBe('申请联办事项（改）');
    const output = response.output;
    if (output === undefined) throw new Error('no output');
    // The preview entry carries the form and imports the shared runtime; the export gets the whole module.
    expect(output.entry).toContain('yibiao-shandong');
    expect(output.entry).toContain('"yibiao-designer-runtime"');
    expect(output.entry.length).toBeLessThan(output.validator.length * 2);
    expect(output.validator).toMatch(/export\s*\{[^}]*validate/);
    const runtime = await session.runtime(output.runtimeId);
    expect(runtime?.code).toMatch(/export\s*\{[^}]*defineForm/);
    const widget = await session.widget(output.versionId);
    expect(widget).toContain('yibiao-shandong');
    expect(widget).not.toContain('yibiao-designer-runtime');
    expect(widget).not.toMatch(/\bnew Function\b|\beval\(/);
    expect(response.timings.compileMs).toBeGreaterThanOrEqual(0);
    // The checkout is never written.
    expect(readFileSync(path.join(ROOT, 'forms', 'shandong', 'form.schema.json'), 'utf8')).toBe(schemaFile?.text);
  }, 60_000);

  it('returns every diagnostic, with the file and pointer, and no output for a broken form', async () => {
    const response = await session.compile({ id: 'weihai', files: [{ path: 'extends.json', text: '{"extends": "shandong", "schema": [{"op": "add", "path": "/properties/services/yibiaoTypo", "value": 1}]}' }] });
    expect(response.output).toBeUndefined();
    expect(response.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'E_SCHEMA_UNKNOWN_KEYWORD', file: 'forms/shandong/form.schema.json + forms/weihai/extends.json', pointer: '/properties/services/yibiaoTypo' }),
    );
  }, 60_000);

  it('answers a request overtaken by a newer one for the same form without compiling it', async () => {
    const files = [{ path: 'form.schema.json' as const, text: '{}' }];
    const [first, second] = await Promise.all([session.compile({ id: 'draft', files }), session.compile({ id: 'draft', files })]);
    expect(first.superseded).toBe(true);
    expect(second.superseded).toBeUndefined();
    expect(second.diagnostics.length).toBeGreaterThan(0);
  }, 60_000);

  it('reports a JSON syntax error with its line', async () => {
    const response = await session.compile({ id: 'draft', files: [{ path: 'form.schema.json', text: '{\n  "title": "x",\n  oops\n}' }] });
    expect(response.diagnostics).toContainEqual(expect.objectContaining({ code: 'E_JSON_SYNTAX', file: 'forms/draft/form.schema.json', line: 3 }));
  }, 60_000);
});

describe('parseCompileRequest', () => {
  it('accepts a form id and editable files', () => {
    expect(parseCompileRequest({ id: 'guangxi', files: [{ path: 'ui.json', text: '{}' }] })).toEqual({ ok: true, request: { id: 'guangxi', files: [{ path: 'ui.json', text: '{}' }] } });
  });

  it.each([
    [{ id: '../x', files: [{ path: 'ui.json', text: '{}' }] }, /"id"/],
    [{ id: 'common', files: [{ path: 'ui.json', text: '{}' }] }, /"id"/],
    [{ id: 'x', files: [{ path: '../../package.json', text: '{}' }] }, /"files\/0"/],
    [{ id: 'x', files: [{ path: 'ui.json', text: '{}' }, { path: 'ui.json', text: '{}' }] }, /twice/],
    [{ id: 'x', files: [] }, /non-empty/],
    ['nope', /body/],
  ])('refuses %j, naming what is wrong', (body, message) => {
    const parsed = parseCompileRequest(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
