import type { FormModel } from '../ir/types.js';
import type { CompiledValidateFunction } from './validation-types.js';

/**
 * Everything the runtime, the verifier and the CLI need to know about one form:
 * the model the generator built and the standalone validator it compiled.
 * A generated module (`widget/dist/<id>.js`) and a compiled form directory
 * (`dist/forms/<id>/validator.js`) both provide exactly this.
 */
export interface CompiledForm {
  readonly model: FormModel;
  readonly validate: CompiledValidateFunction;
}

/** Looks up a compiled form by its id (the verifier's form registry). */
export interface FormRegistry {
  get(formId: string): CompiledForm | undefined | Promise<CompiledForm | undefined>;
}
