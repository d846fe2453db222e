import { Ajv } from 'ajv';
import { KEYWORDS } from '../../ajv/plugin.js';
import type { Diagnostic } from '../diagnostics.js';
import { childPointer } from '../diagnostics.js';
import { diagnosticAt, type LintRule } from './rule.js';
import { walkSchema } from './schema-walk.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const checks = new Map(KEYWORDS.map((k) => [k.keyword, ajv.compile(k.metaSchema)] as const));

/** The value of every yibiao keyword matches that keyword's JSON Schema. */
export const keywordValues: LintRule = {
  code: 'E_SCHEMA_KEYWORD_VALUE',
  check({ form }) {
    const diagnostics: Diagnostic[] = [];
    walkSchema(form.schema.data, ({ pointer, schema }) => {
      for (const [keyword, check] of checks) {
        if (!(keyword in schema) || check(schema[keyword])) continue;
        const problems = (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
        diagnostics.push(
          diagnosticAt(form.schema, childPointer(pointer, keyword), {
            code: 'E_SCHEMA_KEYWORD_VALUE',
            message: { 'zh-CN': `${keyword} 的取值不正确：${problems.join('；')}`, en: `${keyword} has an invalid value: ${problems.join('; ')}` },
            fix: `give ${keyword} a value of this shape: ${JSON.stringify(KEYWORDS.find((k) => k.keyword === keyword)?.metaSchema)}`,
          }),
        );
      }
    });
    return diagnostics;
  },
};
