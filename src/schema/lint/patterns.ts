import { re2Compatible } from '../../rules/pattern-engine.re2.js';
import type { Diagnostic } from '../diagnostics.js';
import { childPointer } from '../diagnostics.js';
import { diagnosticAt, type LintRule } from './rule.js';
import { walkSchema } from './schema-walk.js';

/** What a scan of a pattern found that could backtrack without bound. */
interface PatternRisk {
  /** A `*`, `+` or `{n,}`: the work it allows grows with the input (`\d*\d*x`). */
  readonly unbounded: boolean;
  /** A quantified group that contains a quantifier or an alternation: `(a+)+`, `((a{1,9})){1,9}`, `(a|aa)+`. */
  readonly nested: boolean;
}

/**
 * Scans a regular expression's source for quantifiers, tracking groups, so
 * that nesting is found however deep it is (`^((a+))+$`). Escapes and
 * character classes are skipped.
 */
export function patternRisk(pattern: string): PatternRisk {
  let unbounded = false;
  let nested = false;
  const groups: boolean[] = []; // per open group: does it contain a quantifier or an alternation?
  let lastGroupHadQuantifier = false;
  let previousWasGroupEnd = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i];
    if (c === '\\') {
      i += 1;
      previousWasGroupEnd = false;
      continue;
    }
    if (c === '[') {
      for (i += 1; i < pattern.length && pattern[i] !== ']'; i += 1) if (pattern[i] === '\\') i += 1;
      previousWasGroupEnd = false;
      continue;
    }
    if (c === '(') {
      groups.push(false);
      previousWasGroupEnd = false;
      continue;
    }
    if (c === '|') {
      // Repeating a choice whose branches can match the same text backtracks like a nested quantifier.
      if (groups.length > 0) groups[groups.length - 1] = true;
      previousWasGroupEnd = false;
      continue;
    }
    if (c === ')') {
      lastGroupHadQuantifier = groups.pop() ?? false;
      if (lastGroupHadQuantifier && groups.length > 0) groups[groups.length - 1] = true;
      previousWasGroupEnd = true;
      continue;
    }
    const quantifier = c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i)));
    if (quantifier) {
      const braces = c === '{' ? (/^\{\d+(,\d*)?\}/.exec(pattern.slice(i))?.[0] ?? '') : '';
      if (c === '*' || c === '+' || /^\{\d+,\}$/.test(braces)) unbounded = true;
      if (previousWasGroupEnd && lastGroupHadQuantifier && c !== '?') nested = true;
      if (groups.length > 0) groups[groups.length - 1] = true;
      if (braces) i += braces.length - 1;
    }
    previousWasGroupEnd = false;
  }
  return { unbounded, nested };
}

/**
 * Every `pattern` compiles as a Unicode regular expression and with RE2 (the
 * verifier's engine), is anchored, uses
 * only bounded quantifiers (`{m,n}`, never `*`, `+` or `{n,}`), has no
 * quantified group containing a quantifier, and sits beside `maxLength` ≤ 64
 * (SECURITY.md §2 ReDoS). Bounded, unnested quantifiers keep backtracking
 * polynomial in a bounded input; the verifier validates strings up to 2,000
 * characters, so `maxLength` alone is not enough.
 */
export const patterns: LintRule = {
  code: 'E_SCHEMA_PATTERN',
  check({ form }) {
    const diagnostics: Diagnostic[] = [];
    const source = form.schema;
    walkSchema(source.data, ({ pointer, schema }) => {
      const pattern = schema.pattern;
      if (typeof pattern !== 'string') return;
      const at = childPointer(pointer, 'pattern');
      const problem = (code: string, en: string, zh: string, fix: string) =>
        diagnostics.push(diagnosticAt(source, at, { code, message: { 'zh-CN': zh, en }, fix }));
      try {
        new RegExp(pattern, 'u');
      } catch (error) {
        problem('E_SCHEMA_PATTERN_SYNTAX', `pattern does not compile: ${(error as Error).message}`, '正则表达式无法编译', 'fix the regular expression (it is compiled with the u flag)');
        return;
      }
      const re2 = re2Compatible(pattern);
      if (!re2.ok) {
        problem(
          'E_SCHEMA_PATTERN_RE2',
          `pattern is not supported by RE2, the engine the verifier matches with: ${re2.reason}`,
          `正则表达式不被核验端使用的 RE2 引擎支持：${re2.reason}`,
          'drop look-around, back-references and \\p{Script=…}; use character ranges such as [\\u4e00-\\u9fa5] instead',
        );
        return;
      }
      const risk = patternRisk(pattern);
      if (risk.nested) {
        problem('E_SCHEMA_PATTERN_REDOS', 'pattern repeats a group that itself repeats, which can backtrack catastrophically', '正则表达式存在灾难性回溯风险（重复的分组内又有重复）', 'rewrite it without a quantifier inside a repeated group, e.g. ^[a-z]{1,20}$ instead of ^(a+)+$');
      }
      if (risk.unbounded) {
        problem('E_SCHEMA_PATTERN_UNBOUNDED_QUANTIFIER', 'pattern uses an unbounded quantifier (*, + or {n,})', '正则表达式使用了无上限的量词（*、+ 或 {n,}）', 'use a bounded quantifier such as {1,20}: inputs are at most 64 characters');
      }
      if (!pattern.startsWith('^') || !pattern.endsWith('$')) {
        problem('E_SCHEMA_PATTERN_ANCHOR', 'pattern must be anchored with ^ and $', '正则表达式必须以 ^ 开头、$ 结尾', `use "^${pattern.replace(/^\^/, '').replace(/\$$/, '')}$"`);
      }
      if (typeof schema.maxLength !== 'number' || schema.maxLength > 64) {
        problem('E_SCHEMA_PATTERN_UNBOUNDED', 'a field with a pattern needs maxLength ≤ 64', '使用正则表达式的字段须设置不超过64的 maxLength', `add "maxLength" (≤ 64) beside the pattern at ${pointer || '/'}`);
      }
    });
    return diagnostics;
  },
};
