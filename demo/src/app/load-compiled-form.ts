import type { CompiledOutput } from '../../../src/designer-api/types.js';
import type { CompiledForm } from '../../../src/runtime/compiled-form.js';
import type { CompiledValidateFunction } from '../../../src/runtime/validation-types.js';

/**
 * The compiled form of a compile response in the designer page: its model and
 * the standalone validator module, imported from a blob URL — the same code
 * the widget runs, for the parity panel, the examples' verdicts and `verify`.
 *
 * @param output - what the compile endpoint returned.
 * @throws when the module does not load or has no `validate` export.
 */
export async function loadCompiledForm(output: CompiledOutput): Promise<CompiledForm> {
  const url = URL.createObjectURL(new Blob([output.validator], { type: 'text/javascript' }));
  try {
    const module = (await import(/* @vite-ignore */ url)) as { validate?: CompiledValidateFunction };
    if (typeof module.validate !== 'function') throw new TypeError('the validator module has no validate export');
    return { model: output.model, validate: module.validate };
  } finally {
    URL.revokeObjectURL(url);
  }
}
