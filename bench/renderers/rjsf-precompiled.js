// rjsf with validators precompiled at build time (rjsf's documented CSP route:
// compileSchemaValidatorsCode + createPrecompiledValidator); no ajv compiler ships.
import { createPrecompiledValidator } from '@rjsf/validator-ajv8';
import { mountRjsf } from './rjsf-common.js';

/** @param {object} schema @param {object} uiSchema @param {object} validateFns @param {string[]} services */
export function mount(schema, uiSchema, validateFns, services) {
  mountRjsf(schema, uiSchema, createPrecompiledValidator(validateFns, schema), services);
}
