import type { CompiledForm, DivisionTree } from '../compiled-form.js';
import { loadedDivisions, setLoadedDivisions } from './division-state.js';
import { extendForm } from './extend-form.js';
import { lazyPart } from './lazy-part.js';
import { whenIdle } from './when-idle.js';

/** What the address pickers show while the tree loads: no division yet (the selects stay empty). */
export const PENDING_DIVISIONS: DivisionTree = { source: '', provinces: [] };

/**
 * A compiled form whose 省/市/县 tree is a lazy part: `divisions` is the
 * tree once loaded ({@link PENDING_DIVISIONS} before), `loadDivisions()`
 * imports it (once) and makes the validator's `yibiaoDivision` use it.
 * The generated entry of a form with an address or region field calls this.
 *
 * @param form - the model and validator.
 * @param load - the dynamic import of the tree.
 * @example
 * withDivisions({ model, validate }, () => import('./divisions.js').then((m) => m.DIVISIONS));
 */
export function withDivisions(form: Omit<CompiledForm, 'divisions' | 'loadDivisions'>, load: () => Promise<DivisionTree>): CompiledForm {
  const loadDivisions = lazyPart(async () => {
    const tree = await load();
    setLoadedDivisions(tree);
    return tree;
  });
  return extendForm(form, {
    divisions: { get: (): DivisionTree => loadedDivisions() ?? PENDING_DIVISIONS, enumerable: true },
    loadDivisions: { value: loadDivisions, enumerable: true },
  });
}

/**
 * After a first render: loads the form's lazy division tree when the main
 * thread is idle, then calls `loaded` (the element revalidates and renders
 * the pickers with the tree). Nothing happens for a form without one.
 *
 * @param form - the element's compiled form.
 * @param loaded - called once the tree is in.
 */
export function loadDivisionsWhenIdle(form: CompiledForm, loaded: () => void): void {
  const load = form.loadDivisions;
  if (load === undefined) return;
  whenIdle(() => {
    load().then(loaded, () => undefined);
  });
}
