import type { AnySchemaObject, CodeKeywordDefinition, KeywordCxt } from 'ajv';
import { _, type Code, getProperty, Name, str, strConcat, stringify } from 'ajv/dist/compile/codegen/index.js';
import names from 'ajv/dist/compile/names.js';
import type { Problem } from '../rules/problem.js';
import { cjsDefault } from './cjs-default.js';

/** The name compiled validators bind the rules module to (see compile/validators.ts). */
export const RULES_BINDING = 'yibiaoRules';
const RULES = new Name(RULES_BINDING);

/** Code referring to an export of the rules module in standalone validators (`yibiaoRules.formats`). */
export function rulesMember(member: string): Code {
  return _`${RULES}${getProperty(member)}`;
}
const N = cjsDefault(names);

/** A rule function as exported by `src/rules/runtime.ts`. */
export type ProblemFunction = (data: unknown, rule: never, context?: never) => Problem[];

/**
 * Defines a custom keyword whose check is a function of `src/rules/runtime.ts`.
 *
 * The generated code calls the function (by reference at build time, as
 * `yibiaoRules.<name>` in standalone modules) with the data, the keyword's
 * value inlined as a literal, and `this` (ajv `passContext`) so rules can read
 * the application date. Each returned problem becomes an ajv error whose
 * `instancePath` is the data path plus the problem's relative path — which is
 * why errors are pushed here rather than through `cxt.error`, whose error path
 * can only extend by one segment. Warnings go to `this.warnings` and never
 * affect validity.
 *
 * @param keyword - the keyword name, which is also the function's export name.
 * @param fn - the function itself (used when the schema is compiled in memory, e.g. by rjsf).
 * @param metaSchema - JSON Schema of the keyword's value, checked when a schema is compiled.
 */
export function problemKeyword(keyword: string, fn: ProblemFunction, metaSchema: AnySchemaObject): CodeKeywordDefinition {
  return {
    keyword,
    metaSchema,
    code(cxt: KeywordCxt) {
      const { gen, data, it } = cxt;
      if (!it.allErrors) throw new Error(`${keyword}: yibiao keywords need ajv's allErrors option`);
      const func = gen.scopeValue('func', { ref: fn, code: rulesMember(keyword) });
      const context = _`(typeof ${N.this} === "object" ? ${N.this} : undefined)`;
      const problems = gen.const('problems', _`${func}(${data}, ${stringify(cxt.schema)}, ${context})`);
      const basePath = strConcat(N.instancePath, it.errorPath);
      const schemaPath = str`${it.errSchemaPath}/${keyword}`;
      gen.forOf('p', problems, (p) => {
        const error = _`{instancePath: ${basePath} + ${p}.path, schemaPath: ${schemaPath}, keyword: ${keyword}, params: Object.assign({code: ${p}.code}, ${p}.params)}`;
        gen.if(
          _`${p}.severity === "error"`,
          () => {
            const err = gen.const('err', error);
            gen.if(_`${N.vErrors} === null`, () => gen.assign(N.vErrors, _`[${err}]`), () => gen.code(_`${N.vErrors}.push(${err})`));
            gen.code(_`${N.errors}++`);
          },
          () => gen.if(_`${context} && Array.isArray(${context}.warnings)`, () => gen.code(_`${context}.warnings.push(${error})`)),
        );
      });
    },
  };
}
