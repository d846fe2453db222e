import type { DivisionTree } from '../compiled-form.js';

let loaded: DivisionTree | undefined;

/** The 省/市/县 tree once its lazy part has loaded, `undefined` before. */
export function loadedDivisions(): DivisionTree | undefined {
  return loaded;
}

/**
 * Records the loaded tree for this widget module (its validator's
 * `yibiaoDivision` and its address pickers read it from here).
 *
 * @param tree - the tree the lazy part exports.
 */
export function setLoadedDivisions(tree: DivisionTree): void {
  loaded = tree;
}
