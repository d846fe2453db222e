import { KEYWORD_NAMES } from '../../ajv/keyword-names.js';
import { FORMAT_NAMES } from '../../rules/formats.js';
import type { Diagnostic } from '../diagnostics.js';
import { childPointer } from '../diagnostics.js';
import { ORIGIN_KEY } from '../resolve-refs.js';
import { diagnosticAt, type LintRule } from './rule.js';
import { walkSchema } from './schema-walk.js';

/** Draft-07 keywords, annotations included. */
const DRAFT_07 = new Set([
  '$schema', '$id', '$ref', '$comment', 'title', 'description', 'default', 'readOnly', 'writeOnly', 'examples',
  'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern',
  'additionalItems', 'items', 'maxItems', 'minItems', 'uniqueItems', 'contains', 'maxProperties', 'minProperties',
  'required', 'additionalProperties', 'definitions', 'properties', 'patternProperties', 'dependencies',
  'propertyNames', 'const', 'enum', 'type', 'format', 'contentMediaType', 'contentEncoding', 'if', 'then', 'else',
  'allOf', 'anyOf', 'oneOf', 'not',
]);
const ALLOWED = new Set<string>([...DRAFT_07, ...KEYWORD_NAMES, ORIGIN_KEY]);

/** `$data` references make a schema's behaviour depend on data (SECURITY.md §2 ReDoS). */
function hasData(value: unknown): boolean {
  return typeof value === 'object' && value !== null && '$data' in value;
}

/** Every key of every subschema is a draft-07 keyword or one of yibiao's. */
export const knownKeywords: LintRule = {
  code: 'E_SCHEMA_UNKNOWN_KEYWORD',
  check({ form }) {
    const diagnostics: Diagnostic[] = [];
    const source = form.schema;
    walkSchema(source.data, ({ pointer, schema }) => {
      for (const [key, value] of Object.entries(schema)) {
        const at = childPointer(pointer, key);
        if (!ALLOWED.has(key)) {
          diagnostics.push(
            diagnosticAt(source, at, {
              code: 'E_SCHEMA_UNKNOWN_KEYWORD',
              message: { 'zh-CN': `未知的关键字“${key}”`, en: `unknown keyword "${key}"` },
              fix: `remove "${key}" or correct its spelling; allowed: JSON Schema draft-07 keywords and ${KEYWORD_NAMES.join(', ')}`,
            }),
          );
        } else if (key === 'format' && (typeof value !== 'string' || !FORMAT_NAMES.includes(value))) {
          diagnostics.push(
            diagnosticAt(source, at, {
              code: 'E_SCHEMA_UNKNOWN_FORMAT',
              message: { 'zh-CN': `未知的格式“${String(value)}”`, en: `unknown format "${String(value)}"` },
              fix: `use one of: ${FORMAT_NAMES.join(', ')}`,
            }),
          );
        } else if (hasData(value)) {
          diagnostics.push(
            diagnosticAt(source, at, {
              code: 'E_SCHEMA_DATA_REF',
              message: { 'zh-CN': '不允许使用 $data 引用', en: '$data references are not allowed' },
              fix: 'state the value literally; rules that compare fields are yibiao keywords (e.g. yibiaoDateOrder)',
            }),
          );
        }
      }
    });
    return diagnostics;
  },
};
