import type { CodeKeywordDefinition, KeywordCxt } from 'ajv';
import { _, str, strConcat, stringify } from 'ajv/dist/compile/codegen/index.js';
import names from 'ajv/dist/compile/names.js';
import { cjsDefault } from '../ajv/cjs-default.js';
import { walkSchema } from '../schema/lint/schema-walk.js';

const N = cjsDefault(names);

/** The compile-only keyword a closed list of values becomes in a validator. */
export const COMPACT_ENUM = 'yibiaoEnum';

type Primitive = string | number | boolean | null;
const isPrimitive = (v: unknown): v is Primitive => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * `yibiaoEnum`: membership in a `Set` built once per module. ajv's own `enum`
 * (and a `oneOf` of 58 `const` branches for 民族) would make the standalone
 * module reference — and so embed — the whole root schema, and emit a branch
 * per option. Errors are reported with keyword `enum`, as ajv's would be.
 */
export const compactEnumKeyword: CodeKeywordDefinition = {
  keyword: COMPACT_ENUM,
  schemaType: 'array',
  code(cxt: KeywordCxt) {
    const { gen, data, it } = cxt;
    const values = cxt.schema as Primitive[];
    const set = gen.scopeValue('obj', { ref: new Set(values), code: _`new Set(${stringify(values)})` });
    gen.if(_`!${set}.has(${data})`, () => {
      const err = gen.const(
        'err',
        _`{instancePath: ${strConcat(N.instancePath, it.errorPath)}, schemaPath: ${str`${it.errSchemaPath}/enum`}, keyword: "enum", params: {}}`,
      );
      gen.if(_`${N.vErrors} === null`, () => gen.assign(N.vErrors, _`[${err}]`), () => gen.code(_`${N.vErrors}.push(${err})`));
      gen.code(_`${N.errors}++`);
    });
  },
};

function closedList(schema: Record<string, unknown>): Primitive[] | undefined {
  if (Array.isArray(schema.enum) && schema.enum.every(isPrimitive)) return schema.enum;
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (!Array.isArray(branches) || branches.length === 0) continue;
    const consts = branches.map((b) =>
      typeof b === 'object' && b !== null && Object.keys(b).every((k) => ['const', 'title', 'description', '$comment'].includes(k)) && isPrimitive((b as { const?: unknown }).const)
        ? ((b as { const: Primitive }).const)
        : undefined,
    );
    if (consts.every((c) => c !== undefined) && new Set(consts).size === consts.length) return consts as Primitive[];
  }
  return undefined;
}

/**
 * A copy of the schema for compilation in which every closed list of
 * primitive values (`enum`, or a `oneOf`/`anyOf` of distinct `const`s) is a
 * `yibiaoEnum`. The accepted data is exactly the same; the published schema
 * (hashed, given to rjsf) keeps its original form.
 */
export function compactEnums(schema: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(schema);
  walkSchema(copy, ({ schema: node }) => {
    const values = closedList(node);
    if (!values) return;
    delete node.enum;
    if (Array.isArray(node.oneOf) && closedList({ oneOf: node.oneOf })) delete node.oneOf;
    if (Array.isArray(node.anyOf) && closedList({ anyOf: node.anyOf })) delete node.anyOf;
    node[COMPACT_ENUM] = values;
  });
  return copy;
}
