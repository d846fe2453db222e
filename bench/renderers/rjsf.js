// rjsf with @rjsf/validator-ajv8 compiling the schema at run time (the default route),
// extended with yibiao's formats and keywords as the README documents.
import { customizeValidator } from '@rjsf/validator-ajv8';
import { yibiaoAjvPlugin } from '../../src/ajv/plugin.ts';
import { mountRjsf } from './rjsf-common.js';

/** @param {object} schema @param {object} uiSchema @param {string[]} services */
export function mount(schema, uiSchema, services) {
  mountRjsf(schema, uiSchema, customizeValidator({ extenderFn: yibiaoAjvPlugin }), services);
}
