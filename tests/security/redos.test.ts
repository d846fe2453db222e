/**
 * ReDoS (SECURITY.md §2, §3 case 7): the build refuses patterns that
 * backtrack catastrophically and `$data`, naming file, pointer and fix; and
 * every pattern and format that ships runs in bounded time on hostile input
 * as long as the verifier allows a string to be (2,000 code points), because
 * ajv (allErrors) runs `pattern` even when `maxLength` already failed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FieldModel } from '../../src/ir/types.js';
import { validateData } from '../../src/runtime/validate.js';
import { MAX_STRING_LENGTH } from '../../src/submission/limits.js';
import { ROOT } from '../helpers/forms.js';
import { builtRegistry, fastest, type Obj, timed } from './helpers.js';
import { compileHostile, type FormFiles, only } from './hostile-form.js';

/** Case 7's own pattern, and the classic shapes of exponential backtracking. */
const CATASTROPHIC = ['(a+)+$', '^(a+)+$', '^(a*)*$', '^(a|a)*$', '^(a|aa)+$', '^(\\d+)*x$', '^([a-z]+)+$', '^(?:a+)+$', '^(a{1,}){2,}$', '^(\\w+\\s?)+$'];

function withPattern(pattern: string) {
  return (f: FormFiles) => {
    const applicant = (f.schema.properties as Obj).applicant;
    applicant.properties.code = { type: 'string', title: '代码', maxLength: 30, pattern };
    (f.en.fields as Obj)['/applicant/code'] = { title: 'Code' };
  };
}

describe('case 7: catastrophic patterns and $data are lint errors', () => {
  it('refuses (a+)+$ with file, JSON pointer and a fix (the build never compiles it)', async () => {
    const result = await compileHostile(withPattern('(a+)+$'));
    const d = only(result.diagnostics, 'E_SCHEMA_PATTERN_REDOS');
    expect(d).toMatchObject({ severity: 'error', file: 'forms/test/form.schema.json', pointer: '/properties/applicant/properties/code/pattern' });
    expect(d.line).toBeGreaterThan(0);
    expect(d.fix).toMatch(/without a quantifier inside a repeated group/);
    expect(result.diagnostics.map((x) => x.code)).toContain('E_SCHEMA_PATTERN_ANCHOR');
    expect(result.artefacts).toBeUndefined();
  });

  it.each(CATASTROPHIC)('refuses the catastrophic pattern %s', async (pattern) => {
    const result = await compileHostile(withPattern(pattern));
    expect(result.diagnostics.map((d) => d.code)).toContain('E_SCHEMA_PATTERN_REDOS');
    expect(result.artefacts).toBeUndefined();
  });

  it('refuses a pattern without maxLength ≤ 64 beside it', async () => {
    const result = await compileHostile((f) => {
      withPattern('^[a-z]+$')(f);
      (f.schema.properties as Obj).applicant.properties.code.maxLength = 65;
    });
    expect(only(result.diagnostics, 'E_SCHEMA_PATTERN_UNBOUNDED')).toMatchObject({ pointer: '/properties/applicant/properties/code/pattern' });
  });

  it('refuses a pattern that does not compile as a Unicode regular expression', async () => {
    const result = await compileHostile(withPattern('^[a-z$'));
    expect(only(result.diagnostics, 'E_SCHEMA_PATTERN_SYNTAX')).toMatchObject({ pointer: '/properties/applicant/properties/code/pattern' });
  });

  it('refuses $data with file, JSON pointer and a fix', async () => {
    const result = await compileHostile((f) => {
      withPattern('^[a-z]+$')(f);
      (f.schema.properties as Obj).applicant.properties.code.maxLength = { $data: '1/limit' };
    });
    const d = only(result.diagnostics, 'E_SCHEMA_DATA_REF');
    expect(d).toMatchObject({ severity: 'error', file: 'forms/test/form.schema.json', pointer: '/properties/applicant/properties/code/maxLength' });
    expect(d.fix).toMatch(/literally/);
    expect(result.artefacts).toBeUndefined();
  });

  it('accepts an anchored, bounded, linear pattern and its validator answers (a+)+$-style input at once', async () => {
    // Unbounded quantifiers (a+, a*) are lint errors too: inputs are ≤ 64 characters, so {m,n} always suffices.
    const result = await compileHostile(withPattern('^a{1,20}$'));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(timed(() => /^a{1,20}$/u.test(`${'a'.repeat(30)}!`)).ms).toBeLessThan(50);
  });
});

/** Hostile strings for a pattern: runs of each literal character it mentions, then a character that fails. */
function attackStrings(pattern: string, length: number): string[] {
  const chars = new Set([...pattern.replace(/\\[dDwWsS]/g, '').replace(/[\\^$.*+?()[\]{}|-]/g, '')]);
  for (const c of ['a', '0', '1', '9', 'X', ' ', '.', '-', '中']) chars.add(c);
  return [...chars].flatMap((c) => [`${c.repeat(length)}!`, `${c.repeat(length)}\u0000`, `${`${c}.`.repeat(length / 2)}!`]);
}

/** Ids of the forms built into `dist/forms`. */
function builtFormIds(): string[] {
  return readdirSync(path.join(ROOT, 'dist', 'forms')).filter((id) => {
    try {
      return readFileSync(path.join(ROOT, 'dist', 'forms', id, 'model.json')).length > 0;
    } catch {
      return false;
    }
  });
}

/** Every pattern of every built form's published schema, with its pointer. */
function builtPatterns(): { form: string; pointer: string; pattern: string }[] {
  const out: { form: string; pointer: string; pattern: string }[] = [];
  for (const form of builtFormIds()) {
    let schema: unknown;
    try {
      schema = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'forms', form, 'schema.json'), 'utf8'));
    } catch {
      continue;
    }
    const walk = (node: unknown, pointer: string): void => {
      if (Array.isArray(node)) {
        for (const [i, n] of node.entries()) walk(n, `${pointer}/${i}`);
      }
      else if (node !== null && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'pattern' && typeof v === 'string') out.push({ form, pointer: `${pointer}/pattern`, pattern: v });
          walk(v, `${pointer}/${k}`);
        }
      }
    };
    walk(schema, '');
  }
  return out;
}

describe('case 7: every shipped pattern and format is fast on hostile input of the largest allowed length', () => {
  const patterns = builtPatterns();

  it('finds the built forms (run `npm run build` first)', () => {
    expect(readdirSync(path.join(ROOT, 'dist', 'forms'))).toContain('shandong');
  });

  it.each(patterns.map((p) => [`${p.form}#${p.pointer}`, p.pattern] as const))('%s (%s) answers in < 50 ms', (_where, pattern) => {
    const re = new RegExp(pattern, 'u');
    for (const input of attackStrings(pattern, MAX_STRING_LENGTH)) {
      const ms = fastest(() => re.test(input));
      expect(ms, `${pattern} on ${JSON.stringify(input.slice(0, 12))}…`).toBeLessThan(50);
    }
  });

  it.each(builtFormIds())('the %s validator checks every field filled with 2,000 hostile characters: each < 50 ms, each filler < 1 s', async (formId) => {
    const form = await builtRegistry.get(formId);
    if (form === undefined) throw new Error(`dist/forms/${formId} is missing — run \`npm run build\` first`);
    const fields: FieldModel[] = form.model.sections.flatMap((s) => [...s.fields]);
    const services = form.model.services.map((s) => s.id);
    for (const filler of ['1', 'a', 'X', '中', '-', ' ']) {
      let total = 0;
      const text = `${filler.repeat(MAX_STRING_LENGTH - 1)}!`;
      for (const field of fields) {
        const [section = '', key = ''] = field.path.slice(1).split('/');
        const data = { services, [section]: { [key]: text } };
        const { value, ms: first } = timed(() => validateData(form, data, { today: '2026-11-23' }));
        expect(value.valid).toBe(false);
        const ms = Math.min(first, fastest(() => validateData(form, data, { today: '2026-11-23' }), 2));
        expect(ms, `${field.path} filled with ${JSON.stringify(filler)}`).toBeLessThan(50);
        total += ms;
      }
      expect(total).toBeLessThan(1000);
    }
  });
});
