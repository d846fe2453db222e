import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patternEngine as native } from '../../src/rules/pattern-engine.js';
import { patternEngine as re2, re2Compatible } from '../../src/rules/pattern-engine.re2.js';
import { validateData } from '../../src/runtime/validate.js';
import { walkSchema } from '../../src/schema/lint/schema-walk.js';
import { builtForm, examples, formIds, ROOT } from '../helpers/forms.js';

/** Every `pattern` of every built form's bundled schema. */
function formPatterns(): string[] {
  const found = new Set<string>();
  for (const id of formIds()) {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'forms', id, 'schema.json'), 'utf8')) as unknown;
    walkSchema(schema, ({ schema: node }) => {
      if (typeof node.pattern === 'string') found.add(node.pattern);
    });
  }
  return [...found].sort();
}

/** Strings near what a pattern accepts: digits, letters, dots, dashes, CJK, astral characters. */
const candidate = fc.string({
  unit: fc.constantFrom(...'0123456789abcdefXYZ.-_ 一中\u{20000}\u00e9'.match(/./gu)!),
  maxLength: 40,
});

describe('pattern engines: RE2 in the verifier, RegExp in the browser', () => {
  const patterns = formPatterns();

  it('finds the patterns of the built forms', () => {
    expect(patterns.length).toBeGreaterThan(0);
  });

  it.each(patterns)('RE2 and RegExp agree on %s', (pattern) => {
    expect(re2Compatible(pattern)).toEqual({ ok: true });
    const a = native(pattern, 'u');
    const b = re2(pattern, 'u');
    fc.assert(
      fc.property(candidate, (text) => a.test(text) === b.test(text)),
      { numRuns: 400, seed: 20251123 },
    );
  });

  it('agrees on translated escapes and ranges (\\d, \\u, classes, alternation)', () => {
    const cases: [string, string, boolean][] = [
      ['^\\d{3}$', '123', true],
      ['^\\d{3}$', '12a', false],
      ['^[\\u4e00-\\u9fa5]{2,4}$', '张三', true],
      ['^[\\u4e00-\\u9fa5]{2,4}$', 'ab', false],
      ['^(0|[1-9][0-9]{0,7})(\\.[0-9]{1,2})?$', '12.50', true],
      ['^(0|[1-9][0-9]{0,7})(\\.[0-9]{1,2})?$', '012', false],
      ['^.{2}$', '\u{20000}a', true],
    ];
    for (const [pattern, text, expected] of cases) {
      expect([pattern, text, native(pattern, 'u').test(text)]).toEqual([pattern, text, expected]);
      expect([pattern, text, re2(pattern, 'u').test(text)]).toEqual([pattern, text, expected]);
    }
  });

  it('RE2 matches a catastrophic pattern in linear time (V8 would backtrack for minutes)', () => {
    const matcher = re2('^((a+))+$', 'u');
    const started = performance.now();
    expect(matcher.test(`${'a'.repeat(2000)}b`)).toBe(false);
    expect(matcher.test('a'.repeat(2000))).toBe(true);
    // A bound stated by SECURITY.md §2 (ReDoS): hostile input is refused in bounded time.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('RE2 refuses what it cannot express, with the reason', () => {
    const verdict = re2Compatible('^(?=a)a$');
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toContain('(?=');
    expect(() => re2('^(a)\\1$', 'u')).toThrow();
  });
});

describe('which engine each build carries', () => {
  const read = (...parts: string[]) => readFileSync(path.join(ROOT, ...parts), 'utf8');

  it.each(formIds())('%s: the Node validator bundle (the verifier) matches patterns with RE2, and its pattern examples still fail', async (id) => {
    const source = read('dist', 'forms', id, 'validator.js');
    if (!read('dist', 'forms', id, 'schema.json').includes('"pattern"')) return expect(source).not.toContain('RE2JS');
    expect(source).toContain('RE2JS.compile(RE2JS.translateRegExp(source))');
    const form = await builtForm(id);
    const patternCases = examples(id).filter((e) => e.expect?.some((x) => x.keyword === 'pattern'));
    for (const example of patternCases) {
      const result = validateData(form, example.data, { today: example.date });
      expect(result.errors.map((e) => e.keyword)).toContain('pattern');
    }
  });

  it.each(formIds())('%s: the widget never carries RE2', (id) => {
    expect(read('widget', 'dist', `${id}.js`)).not.toContain('RE2JS');
    const parts = JSON.parse(read('widget', 'dist', id, 'parts.json')) as { parts?: { file: string }[] } | { file: string }[];
    const list = Array.isArray(parts) ? parts : (parts.parts ?? []);
    for (const part of list) expect(read('widget', 'dist', part.file.replace(/^widget\/dist\//, ''))).not.toContain('RE2JS');
  });
});
