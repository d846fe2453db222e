import type { CompiledForm } from '../compiled-form.js';
import type { CompiledValidateFunction, RawValidationError } from '../validation-types.js';
import { extendForm } from './extend-form.js';
import { lazyPart } from './lazy-part.js';

/** The code of the verdict given while a form's rules are not loaded (yet, or because the network failed). */
export const E_RULES_LOADING = 'E_RULES_LOADING';

const PENDING_ERROR: RawValidationError = { instancePath: '', schemaPath: '#', keyword: 'rules', params: { code: E_RULES_LOADING } };

/**
 * The validator a form has until its rules are loaded: never valid (nothing
 * is known yet, and nothing unchecked may be signed), with one form-level
 * error `E_RULES_LOADING` that says so.
 */
export const PENDING_VALIDATE: CompiledValidateFunction = Object.assign(
  function pendingValidate(): boolean {
    return false;
  },
  { errors: [PENDING_ERROR] as readonly RawValidationError[] },
);

/**
 * A compiled form whose standalone validator is a lazy part (the largest
 * part of a widget: 6.5–11.6 kB brotli of the five forms, ~1 MB of code at
 * 1,000 fields), fetched in parallel with the first render instead of
 * before it. `validate` is {@link PENDING_VALIDATE} until `loadValidate()`
 * has imported it (once; a failed import is tried again on the next call).
 * The generated entry of every built widget calls this.
 *
 * @param form - the model (and, composed, other lazy parts).
 * @param load - the dynamic import of the validator.
 * @example
 * withLazyValidator({ model }, () => import('./validator-part.js').then((m) => m.validate));
 */
export function withLazyValidator(form: Omit<CompiledForm, 'validate' | 'loadValidate'>, load: () => Promise<CompiledValidateFunction>): CompiledForm {
  let loaded: CompiledValidateFunction | undefined;
  const loadValidate = lazyPart(async () => {
    loaded = await load();
    return loaded;
  });
  return extendForm(form, {
    validate: { get: () => loaded ?? PENDING_VALIDATE, enumerable: true },
    loadValidate: { value: loadValidate, enumerable: true },
  });
}

/**
 * Starts loading a form's lazy validator (right away: the first render does
 * not wait for it, and it must be in before the person's first key or blur
 * needs it) and calls `loaded` once it is in. Nothing happens for a form
 * whose validator came with it; a failed import is left for the next need
 * (submit tries again and, failing, shows `E_RULES_LOADING`).
 *
 * @param form - the element's compiled form.
 * @param loaded - called once the validator is in.
 */
export function loadValidator(form: CompiledForm, loaded: () => void): void {
  form.loadValidate?.().then(loaded, () => undefined);
}
