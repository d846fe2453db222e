import type { DivisionTree } from '../compiled-form.js';

/**
 * What a widget's build gives `src/rules/division-keyword.ts` instead of the
 * division tree when the tree is a lazy part (see `compile/write-form.ts`):
 * an empty tree. That module's own `yibiaoDivision` is not part of such a
 * widget — its validator calls `division-keyword.ts` of this folder, which
 * passes the loaded tree to `divisionProblems`.
 */
export const DIVISIONS: DivisionTree = { source: 'loaded lazily', provinces: [] };
