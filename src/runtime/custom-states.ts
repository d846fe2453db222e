/** The custom states a form element exposes, `:state(invalid|submitting|submitted)`. */
export type FormCustomState = 'invalid' | 'submitting' | 'submitted';

/**
 * Turns a custom state of the element on or off. Does nothing where the
 * browser has no `ElementInternals` or no `states`.
 *
 * @param internals - the element's internals, if attached.
 * @param state - the state.
 * @param on - whether the element is in it.
 */
export function setCustomState(internals: ElementInternals | undefined, state: FormCustomState, on: boolean): void {
  const states = internals?.states;
  if (states === undefined) return;
  if (on) states.add(state);
  else states.delete(state);
}
