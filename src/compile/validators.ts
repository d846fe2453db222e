import standalone from 'ajv/dist/standalone/index.js';
import { cjsDefault } from '../ajv/cjs-default.js';
import { RULES_BINDING } from '../ajv/problem-keyword.js';
import type { Diagnostic } from '../schema/diagnostics.js';
import { createAjv } from './ajv-instance.js';
import { compactEnums } from './compact-enum.js';

/** Standalone validator source, or why the schema did not compile. */
export type ValidatorSource = { ok: true; code: string } | { ok: false; diagnostics: Diagnostic[] };

const standaloneCode = cjsDefault(standalone);

const RUNTIME_HELPER = /require\("ajv\/dist\/runtime\/([a-z0-9]+)"\)\.default/g;

/**
 * Compiles a bundled schema into the source of one ES module that exports the
 * validate function — ajv's standalone code generation, so nothing is
 * compiled at run time (no `eval`, no `new Function`; strict CSP holds).
 *
 * The module imports the rules (formats and keyword functions) from
 * `rulesImport`, and ajv's runtime helpers (e.g. `ucs2length`) as ES imports.
 *
 * @param schema - the final bundled schema.
 * @param rulesImport - module specifier of `src/rules/runtime.ts` as seen from the output.
 * @param file - the schema file, for diagnostics.
 */
export function validatorSource(schema: Record<string, unknown>, rulesImport: string, file: string): ValidatorSource {
  const ajv = createAjv(true);
  let validate: ReturnType<typeof ajv.compile>;
  try {
    validate = ajv.compile(compactEnums(schema));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      diagnostics: [
        {
          code: 'E_SCHEMA_COMPILE',
          severity: 'error',
          file,
          pointer: '',
          message: { 'zh-CN': `表单结构无法编译：${message}`, en: `the schema does not compile: ${message}` },
          fix: 'run `yibiao lint` for the exact place; unknown keywords, unknown formats and invalid keyword values are the usual cause',
        },
      ],
    };
  }
  const helpers = new Map<string, string>();
  const body = standaloneCode(ajv, validate).replace(RUNTIME_HELPER, (_match: string, helper: string) => {
    const local = `ajvRuntime_${helper}`;
    helpers.set(helper, local);
    return local;
  });
  const imports = [
    `import * as ${RULES_BINDING} from ${JSON.stringify(rulesImport)};`,
    // CommonJS interop differs between esbuild (default = exports.default) and Node (default = module.exports).
    ...[...helpers].map(
      ([helper, local]) =>
        `import ${local}_module from "ajv/dist/runtime/${helper}.js";\nconst ${local} = ${local}_module.default ?? ${local}_module;`,
    ),
  ];
  return { ok: true, code: `${imports.join('\n')}\n${body}\n` };
}
