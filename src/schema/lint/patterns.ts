import type { Diagnostic } from '../diagnostics.js';
import { childPointer } from '../diagnostics.js';
import { diagnosticAt, type LintRule } from './rule.js';
import { walkSchema } from './schema-walk.js';

/** A quantified group that itself contains a quantifier: `(a+)+`, `(a|aa)*`, `(\d*)*` — exponential backtracking. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/;
const ALTERNATION_REPEAT = /\((?:[^()\\]|\\.)*\|(?:[^()\\]|\\.)*\)[+*]/;

/**
 * Every `pattern` compiles as a Unicode regular expression, is anchored, and
 * has no nested or alternated repetition that backtracks catastrophically
 * (SECURITY.md §2 ReDoS); strings it applies to are bounded by `maxLength` ≤ 64.
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
      if (NESTED_QUANTIFIER.test(pattern) || ALTERNATION_REPEAT.test(pattern)) {
        problem('E_SCHEMA_PATTERN_REDOS', 'pattern has nested or alternated repetition that can backtrack catastrophically', '正则表达式存在灾难性回溯风险', 'rewrite it without a quantifier inside a repeated group, e.g. ^[a-z]+$ instead of ^(a+)+$');
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
