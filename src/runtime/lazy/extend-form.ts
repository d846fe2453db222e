import type { CompiledForm } from '../compiled-form.js';

/**
 * `form` with more members, its own getters kept as getters (a spread would
 * read them once): lets the lazy parts of a generated entry be composed, e.g.
 * `withDivisions(withLazyValidator({ model }, …), …)`.
 *
 * @param form - the form so far.
 * @param members - property descriptors of the members to add.
 */
export function extendForm<T extends Partial<CompiledForm>>(form: T, members: PropertyDescriptorMap): CompiledForm {
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(form), ...members }) as CompiledForm;
}
