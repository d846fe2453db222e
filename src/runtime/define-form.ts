// First, before Lit: explains a refused `lit-html` Trusted Types policy (SECURITY.md §3 case 11).
import './trusted-types-diagnostics.js';
import type { CompiledForm } from './compiled-form.js';
import { YibiaoFormElement } from './form-element.js';
import { stopTrustedTypesDiagnostics } from './trusted-types-diagnostics.js';

// Reached only when Lit loaded: nothing left to explain.
stopTrustedTypesDiagnostics();

/** Stable code of the warning printed when a tag is already taken. */
export const W_TAG_TAKEN = 'W_TAG_TAKEN';

/** Input of {@link defineForm}. */
export interface DefineFormOptions {
  /** The custom element name, `yibiao-<formId>` by convention. */
  readonly tag: string;
  /** The compiled form (model + standalone validator) the element renders. */
  readonly form: CompiledForm;
}

/** A class bound to one compiled form. */
export type YibiaoFormClass = typeof YibiaoFormElement;

const TAG = /^[a-z][a-z0-9._-]*-[a-z0-9._-]*$/;

/** `shandong` → `Shandong`, `weihai-city` → `WeihaiCity`. */
function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * Defines the custom element of one form: a subclass of
 * {@link YibiaoFormElement} bound to `form`, named `Yibiao<FormId>Form` and
 * registered as `tag`. When the tag is already defined (a second copy of the
 * widget, or another version of it, on the same page), nothing is registered
 * and a warning with code `W_TAG_TAKEN` is printed instead of throwing; the
 * class that owns the tag is returned.
 *
 * @param options - the tag and the compiled form.
 * @returns the element class registered under `tag`.
 * @throws {TypeError} when `tag` is not a valid custom element name or `form` has no model or validator.
 * @example
 * import { defineForm } from './define-form.js';
 * defineForm({ tag: 'yibiao-shandong', form: { model, validate } });
 */
export function defineForm(options: DefineFormOptions): CustomElementConstructor {
  const { tag, form } = options ?? ({} as DefineFormOptions);
  if (typeof tag !== 'string' || !TAG.test(tag)) {
    throw new TypeError(`defineForm: "tag" must be a custom element name such as "yibiao-shandong", got ${JSON.stringify(tag)}`);
  }
  if (form === null || typeof form !== 'object' || typeof form.validate !== 'function' || typeof form.model !== 'object') {
    throw new TypeError('defineForm: "form" must be a CompiledForm ({ model, validate })');
  }
  const existing = customElements.get(tag);
  if (existing !== undefined) {
    console.warn(`[yibiao] ${W_TAG_TAKEN}: <${tag}> is already defined; keeping the existing definition.`);
    return existing;
  }
  const bound = class extends YibiaoFormElement {
    static override compiledForm: CompiledForm | undefined = form;
  };
  Object.defineProperty(bound, 'name', { value: `Yibiao${pascal(form.model.id)}Form` });
  customElements.define(tag, bound);
  return bound;
}
