/**
 * The widget's `yibiaoDivision`: what the build substitutes for
 * `src/rules/division-keyword.ts` in a widget's validator, so that the
 * division tree (about 23 kB brotli) is a lazy part instead of part of the
 * validator. It checks against the tree once loaded ({@link loadedDivisions});
 * before that it finds nothing — the element loads the tree when idle after
 * its first render and before it validates a submission, and the verifier
 * always checks with the full tree.
 */
import { type DivisionRule, divisionProblems } from '../../rules/division-keyword.js';
import type { Problem } from '../../rules/problem.js';
import { loadedDivisions } from './division-state.js';

/**
 * `yibiaoDivision` against the loaded tree; no problem while it is not loaded.
 *
 * @param data - the value at the keyword.
 * @param rule - the keyword's value.
 * @returns `E_DIVISION` problems, as `src/rules/division-keyword.ts` gives them.
 */
export function yibiaoDivision(data: unknown, rule: DivisionRule): Problem[] {
  const tree = loadedDivisions();
  return tree === undefined ? [] : divisionProblems(tree, data, rule);
}
