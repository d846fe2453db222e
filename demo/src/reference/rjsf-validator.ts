import type { RJSFSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { yibiaoAjvPlugin } from '../../../src/ajv/plugin.js';
import type { RawValidationError } from '../../../src/runtime/validation-types.js';

/** The validator rjsf renders with, and its raw verdict on data. */
export interface ReferenceValidator {
  /** Passed to `<Form validator>`. */
  readonly validator: ReturnType<typeof customizeValidator>;
  /** ajv's raw errors for `data` against `schema`, as rjsf computes them. */
  rawErrors(schema: RJSFSchema, data: unknown): readonly RawValidationError[];
}

/**
 * A fresh `@rjsf/validator-ajv8` validator extended with yibiao's ajv plugin,
 * exactly as the parity test and an rjsf integrator build it. One per compiled
 * version: rjsf caches a compiled schema by its `$id`, which an edit keeps.
 */
export function createReferenceValidator(): ReferenceValidator {
  const validator = customizeValidator({ extenderFn: yibiaoAjvPlugin });
  return {
    validator,
    rawErrors(schema, data) {
      const { errors, validationError } = validator.rawValidation<RawValidationError>(schema, data as never);
      if (validationError !== undefined) throw validationError;
      return errors ?? [];
    },
  };
}
