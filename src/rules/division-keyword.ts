/**
 * The function behind the `yibiaoDivision` keyword: a 省/市/县 choice is a real
 * path in the division tree (DOMAIN.md §6).
 *
 * This module imports the tree (about 29 kB gzip). The compiled validators
 * import `src/rules/runtime.ts` as a namespace and esbuild drops the exports a
 * form's validator does not use, so only forms whose schema uses the keyword
 * carry the tree.
 */
import type { DivisionTree } from '../runtime/compiled-form.js';
import { DIVISIONS } from './divisions/data.js';
import { DIVISION_LEVELS, type DivisionLevel, findDivisionCode, findDivisionPath } from './divisions/lookup.js';
import type { Problem } from './problem.js';

/** Value of `yibiaoDivision`: `true`, or how deep the choice is checked (default `county`). */
export type DivisionRule = true | { readonly level?: DivisionLevel };

/** A code as the schema's `divisionCode` pattern accepts it; anything else is left to `pattern`. */
const CODE = /^[1-9]\d{5}$/;

function codeAt(data: Readonly<Record<string, unknown>>, key: DivisionLevel): string | undefined {
  if (!Object.hasOwn(data, key)) return undefined;
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function depthOf(rule: DivisionRule): number {
  const level = rule === true ? 'county' : (rule.level ?? 'county');
  return DIVISION_LEVELS.indexOf(level) + 1;
}

function problem(level: DivisionLevel | ''): Problem {
  return { path: level === '' ? '' : `/${level}`, code: 'E_DIVISION', severity: 'error', params: { level: level || 'any' } };
}

/**
 * `yibiaoDivision` against a given tree (the keyword uses {@link DIVISIONS}).
 *
 * On a `{province, city, county}` object (address or region): the codes form a
 * path province → city → county, checked down to `level`; the problem is at
 * the first wrong part (`/city` when the city is not in the province, `/county`
 * when the county is not in the city). Missing parts and codes that are not six
 * digits are left to `required` and `pattern`; nothing below a missing part is
 * checked. On a string (a single code such as 医保参保区划): the code exists at
 * `level` or above.
 *
 * @param tree - the division tree.
 * @param data - the value at the keyword.
 * @param rule - the keyword's value.
 * @returns `E_DIVISION` problems, paths relative to the value.
 */
export function divisionProblems(tree: DivisionTree, data: unknown, rule: DivisionRule): Problem[] {
  const depth = depthOf(rule);
  if (typeof data === 'string') {
    if (!CODE.test(data)) return [];
    const result = findDivisionCode(tree, data);
    return result.ok && result.divisions.length <= depth ? [] : [problem('')];
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  const record = data as Readonly<Record<string, unknown>>;
  const codes: string[] = [];
  for (const level of DIVISION_LEVELS.slice(0, depth)) {
    const code = codeAt(record, level);
    if (code === undefined || !CODE.test(code)) break;
    codes.push(code);
  }
  const [province, city, county] = codes;
  if (province === undefined) return [];
  const result = findDivisionPath(tree, province, city, county);
  return result.ok ? [] : [problem(result.level)];
}

/**
 * `yibiaoDivision` (`true` or `{"level": "county"}`) on an address or region
 * object, or on a single division code: the codes are real divisions, each
 * under the one above it (DOMAIN.md §6; NBS 2023 tree with documented patches).
 *
 * @param data - the value at the keyword.
 * @param rule - the keyword's value.
 * @returns problems with code `E_DIVISION` at the deepest part that can be found to be wrong.
 * @example
 * yibiaoDivision({ province: '130000', city: '130100', county: '130102' }, true); // []
 * yibiaoDivision({ province: '130000', city: '130100', county: '130202' }, true); // [{ path: '/county', code: 'E_DIVISION', … }]
 */
export function yibiaoDivision(data: unknown, rule: DivisionRule): Problem[] {
  return divisionProblems(DIVISIONS, data, rule);
}
