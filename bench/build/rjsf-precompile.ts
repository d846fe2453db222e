/**
 * rjsf's documented route for a strict CSP: compile the schema's validators at
 * build time with `compileSchemaValidatorsCode` (same options as
 * `customizeValidator`, here `extenderFn: yibiaoAjvPlugin`) and bundle the
 * output with `createPrecompiledValidator`.
 *
 * The plugin's keywords and formats are code references to a `yibiaoRules`
 * module (as in yibiao's own standalone validators), so the generated module
 * gets that binding, and its formats object is ajv-formats' plus yibiao's.
 */
import type { RJSFSchema } from '@rjsf/utils';
import { compileSchemaValidatorsCode } from '@rjsf/validator-ajv8/compileSchemaValidators';
import { _ } from 'ajv';
import { yibiaoAjvPlugin } from '../../src/ajv/plugin.js';

/**
 * Source of a CommonJS module exporting rjsf's precompiled validator functions.
 *
 * @param schema - the bundled schema.
 * @param rulesRuntime - absolute path of src/rules/runtime.ts.
 */
export function rjsfPrecompiledSource(schema: Record<string, unknown>, rulesRuntime: string): string {
  const code = compileSchemaValidatorsCode(schema as RJSFSchema, {
    extenderFn: yibiaoAjvPlugin,
    ajvOptionsOverrides: { code: { formats: _`yibiaoRjsfFormats` } },
  });
  const header = [
    `const yibiaoRules = require(${JSON.stringify(rulesRuntime)});`,
    'const yibiaoRjsfFormats = Object.assign({}, require("ajv-formats/dist/formats").fullFormats, yibiaoRules.formats);',
  ].join('\n');
  return `${header}\n${code}`;
}
