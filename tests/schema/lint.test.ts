import { describe, expect, it } from 'vitest';
import { compileForm } from '../../src/compile/compile-form.js';
import type { Diagnostic } from '../../src/schema/diagnostics.js';
import { minimalForm, tempProject } from '../helpers/temp-project.js';

async function diagnose(mutate: (form: ReturnType<typeof minimalForm>) => unknown): Promise<readonly Diagnostic[]> {
  const form = minimalForm();
  const replaced = mutate(form);
  const paths = tempProject(typeof replaced === 'string' ? { ...form, schema: replaced } : form);
  const result = await compileForm(paths, 'test', paths.rulesRuntime);
  return result.diagnostics;
}

function only(diagnostics: readonly Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  expect(found, JSON.stringify(diagnostics, null, 2)).toHaveLength(1);
  return found[0] as Diagnostic;
}

describe('lint: a malformed form names the file, the JSON pointer and the fix', () => {
  it('builds the minimal form without diagnostics', async () => {
    expect(await diagnose(() => undefined)).toEqual([]);
  });

  it('reports a JSON syntax error with its line and column', async () => {
    const d = only(await diagnose((f) => JSON.stringify(f.schema, null, 2).replace('"title": "测试表",', '"title": "测试表"')), 'E_JSON_SYNTAX');
    expect(d.file).toBe('forms/test/form.schema.json');
    expect(d.line).toBe(4);
    expect(d.fix).toMatch(/comma|syntax/);
  });

  it('reports an unknown keyword at its pointer and line', async () => {
    const d = only(
      await diagnose((f) => {
        (f.schema.properties as Record<string, Record<string, unknown>>).applicant!.requird = ['name'];
      }),
      'E_SCHEMA_UNKNOWN_KEYWORD',
    );
    expect(d.pointer).toBe('/properties/applicant/requird');
    expect(d.file).toBe('forms/test/form.schema.json');
    expect(d.line).toBeGreaterThan(1);
    expect(d.message.en).toContain('requird');
    expect(d.fix).toContain('remove "requird"');
  });

  it('reports an unknown format', async () => {
    const d = only(
      await diagnose((f) => {
        const applicant = (f.schema.properties as Record<string, Record<string, Record<string, Record<string, unknown>>>>).applicant!;
        applicant.properties!.name = { type: 'string', title: '姓名', format: 'email' };
      }),
      'E_SCHEMA_UNKNOWN_FORMAT',
    );
    expect(d.pointer).toBe('/properties/applicant/properties/name/format');
  });

  it('reports a $ref that does not resolve', async () => {
    const d = only(
      await diagnose((f) => {
        const applicant = (f.schema.properties as Record<string, Record<string, Record<string, Record<string, unknown>>>>).applicant!;
        applicant.properties!.name = { $ref: '../common/person.schema.json#/definitions/fullName' };
      }),
      'E_SCHEMA_UNRESOLVED_REF',
    );
    expect(d.fix).toMatch(/existing definition/);
  });

  it('refuses a $ref outside forms/common (nothing is fetched)', async () => {
    const d = only(
      await diagnose((f) => {
        const applicant = (f.schema.properties as Record<string, Record<string, Record<string, Record<string, unknown>>>>).applicant!;
        applicant.properties!.name = { $ref: 'https://example.org/name.json' };
      }),
      'E_SCHEMA_REF_OUTSIDE',
    );
    expect(d.pointer).toBe('/properties/applicant/properties/name/$ref');
  });

  it('requires a zh-CN title on every field', async () => {
    const d = only(
      await diagnose((f) => {
        const section = ((f.schema.allOf as Record<string, Record<string, Record<string, Record<string, Record<string, Record<string, unknown>>>>>>[])[0]!.then!.properties!.archiveTransfer!.properties!.receiver!);
        delete section.title;
      }),
      'E_SCHEMA_TITLE_MISSING',
    );
    expect(d.pointer).toBe('/allOf/0/then/properties/archiveTransfer/properties/receiver');
  });

  it('rejects markup and script URLs in any text', async () => {
    const d = only(
      await diagnose((f) => {
        f.schema.title = '<img src=x onerror=alert(1)>';
      }),
      'E_SCHEMA_MARKUP',
    );
    expect(d.pointer).toBe('/title');
  });

  it('rejects a catastrophic-backtracking pattern and an unbounded one', async () => {
    const diagnostics = await diagnose((f) => {
      const applicant = (f.schema.properties as Record<string, Record<string, Record<string, Record<string, unknown>>>>).applicant!;
      applicant.properties!.name = { type: 'string', title: '姓名', pattern: '^(a+)+$' };
    });
    expect(only(diagnostics, 'E_SCHEMA_PATTERN_REDOS').pointer).toBe('/properties/applicant/properties/name/pattern');
    expect(only(diagnostics, 'E_SCHEMA_PATTERN_UNBOUNDED').fix).toContain('maxLength');
  });

  it('requires the section of a service to be forbidden while it is unticked', async () => {
    const d = only(
      await diagnose((f) => {
        delete (f.schema.allOf as Record<string, unknown>[])[0]!.else;
      }),
      'E_SCHEMA_SECTIONS',
    );
    expect(d.pointer).toBe('/allOf/0');
    expect(d.fix).toContain('"else"');
  });

  it('requires a department for every service', async () => {
    const d = only(
      await diagnose((f) => {
        delete (f.meta.services as Record<string, unknown>).archiveTransfer;
      }),
      'E_META_SERVICE_DEPARTMENT',
    );
    expect(d.file).toBe('forms/test/meta.json');
  });

  it('requires an English title for every field', async () => {
    const d = only(
      await diagnose((f) => {
        delete (f.en.fields as Record<string, unknown>)['/archiveTransfer/receiver'];
      }),
      'E_I18N_MISSING',
    );
    expect(d.file).toBe('forms/test/i18n/en.json');
    expect(d.fix).toContain('/archiveTransfer/receiver');
  });

  it('takes English titles of dictionary fields from forms/common', async () => {
    const form = minimalForm();
    const paths = tempProject(form);
    const result = await compileForm(paths, 'test', paths.rulesRuntime);
    const name = result.artefacts?.model.sections.find((s) => s.key === 'applicant')?.fields[0];
    expect(name?.title).toEqual({ 'zh-CN': '姓名', en: 'Full name' });
  });

  it('rejects an invalid custom keyword value', async () => {
    const diagnostics = await diagnose((f) => {
      (f.schema.properties as Record<string, Record<string, unknown>>).applicant!.yibiaoIdDocument = { numbr: 'idNumber' };
    });
    const d = only(diagnostics, 'E_SCHEMA_KEYWORD_VALUE');
    expect(d.pointer).toBe('/properties/applicant/yibiaoIdDocument');
    expect(d.message.en).toContain('numbr');
  });

  it.each([
    ['^((a+))+$', 'E_SCHEMA_PATTERN_REDOS'],
    ['^(a{1,9}){1,9}$', 'E_SCHEMA_PATTERN_REDOS'],
    ['^\\d*\\d*\\d*x$', 'E_SCHEMA_PATTERN_UNBOUNDED_QUANTIFIER'],
    ['^[a-z]+$', 'E_SCHEMA_PATTERN_UNBOUNDED_QUANTIFIER'],
  ])('rejects the backtracking-prone pattern %s', async (pattern, code) => {
    const diagnostics = await diagnose((f) => {
      const applicant = (f.schema.properties as Record<string, Record<string, Record<string, Record<string, unknown>>>>).applicant!;
      applicant.properties!.name = { type: 'string', title: '姓名', maxLength: 20, pattern };
    });
    expect(only(diagnostics, code).pointer).toBe('/properties/applicant/properties/name/pattern');
  });

  it.each([
    ['^(?=[0-9]{2})[0-9]{1,9}$', '(?='],
    ['^([a-z]{1,4})\\1$', '\\1'],
  ])('rejects the pattern %s that RE2 (the verifier engine) cannot compile', async (pattern, reason) => {
    const diagnostics = await diagnose((f) => {
      const applicant = (f.schema.properties as Record<string, Record<string, Record<string, Record<string, unknown>>>>).applicant!;
      applicant.properties!.name = { type: 'string', title: '姓名', maxLength: 20, pattern };
    });
    const d = only(diagnostics, 'E_SCHEMA_PATTERN_RE2');
    expect(d.pointer).toBe('/properties/applicant/properties/name/pattern');
    expect(d.message.en).toContain(reason);
    expect(d.fix).toContain('look-around');
  });

  it('accepts bounded, unnested patterns', async () => {
    const diagnostics = await diagnose((f) => {
      const applicant = (f.schema.properties as Record<string, Record<string, Record<string, Record<string, unknown>>>>).applicant!;
      applicant.properties!.name = { type: 'string', title: '姓名', maxLength: 11, pattern: '^(0|[1-9][0-9]{0,7})(\\.[0-9]{1,2})?$' };
    });
    expect(diagnostics.filter((d) => d.code.startsWith('E_SCHEMA_PATTERN'))).toEqual([]);
  });

  it.each(['constructor', 'prototype'])('refuses a property named %s', async (key) => {
    const d = only(
      await diagnose((f) => {
        (f.schema.properties as Record<string, Record<string, Record<string, unknown>>>).applicant!.properties![key] = { type: 'string', title: '名' };
      }),
      'E_SCHEMA_FORBIDDEN_KEY',
    );
    expect(d.pointer).toBe(`/properties/applicant/properties/${key}`);
  });

  it('refuses a property named __proto__ that JSON.parse would silently drop', async () => {
    const diagnostics = await diagnose((f) =>
      JSON.stringify(f.schema, null, 2).replace('"name": {', '"__proto__": {"type": "string", "title": "x"},\n        "name": {'),
    );
    expect(only(diagnostics, 'E_SCHEMA_FORBIDDEN_KEY').pointer).toBe('/properties/applicant/properties/__proto__');
  });

  it('refuses a schema nested deeper than the limit, without overflowing the stack', async () => {
    const diagnostics = await diagnose((f) => {
      let deep: Record<string, unknown> = { type: 'string', title: '深' };
      for (let i = 0; i < 2000; i += 1) deep = { type: 'object', title: '深', properties: { x: deep } };
      (f.schema.properties as Record<string, Record<string, Record<string, unknown>>>).applicant!.properties!.deep = deep;
    });
    expect(diagnostics.map((d) => d.code)).toContain('E_SCHEMA_TOO_DEEP');
  });

  it.each([
    ['password', '登录密码'],
    ['smsCode', '短信验证码'],
    ['cardCvv', '安全码'],
  ])('refuses a secret field (%s / %s)', async (key, title) => {
    const diagnostics = await diagnose((f) => {
      (f.schema.properties as Record<string, Record<string, Record<string, unknown>>>).applicant!.properties![key] = { type: 'string', title, maxLength: 10 };
    });
    expect(diagnostics.map((d) => d.code)).toContain('E_SCHEMA_SECRET_FIELD');
  });

  it('sees a script URL hidden by a tab (java\\tscript:)', async () => {
    const d = only(
      await diagnose((f) => {
        f.schema.description = 'java\tscript:alert(1)';
      }),
      'E_SCHEMA_MARKUP',
    );
    expect(d.pointer).toBe('/description');
  });
});

