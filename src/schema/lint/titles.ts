import type { Diagnostic } from '../diagnostics.js';
import { childPointer } from '../diagnostics.js';
import { diagnosticAt, type LintRule } from './rule.js';
import { walkSchema } from './schema-walk.js';

/** Every property has a zh-CN `title` (verbatim from the seed); the form has one too. */
export const titles: LintRule = {
  code: 'E_SCHEMA_TITLE_MISSING',
  check({ form }) {
    const diagnostics: Diagnostic[] = [];
    const source = form.schema;
    walkSchema(source.data, ({ pointer, schema, propertyName }) => {
      const isRoot = pointer === '';
      if (!isRoot && propertyName === undefined) return;
      // Properties inside conditions (`if`, `not`) are tests, not fields.
      if (/\/(if|not|contains)(\/|$)/.test(pointer)) return;
      if (typeof schema.title === 'string' && schema.title.trim() !== '') return;
      if (typeof schema.$ref === 'string' && !schema.$ref.startsWith('#')) return; // title comes from the dictionary
      if (typeof schema.$ref === 'string') return; // local definitions are checked where they are declared
      diagnostics.push(
        diagnosticAt(source, pointer, {
          code: 'E_SCHEMA_TITLE_MISSING',
          message: {
            'zh-CN': `“${propertyName ?? '表单'}”缺少中文标题（title）`,
            en: `${propertyName ?? 'the form'} has no zh-CN "title"`,
          },
          fix: `add "title" at ${childPointer(pointer, 'title')} with the label printed on the seed's form (without the *)`,
        }),
      );
    });
    return diagnostics;
  },
};
