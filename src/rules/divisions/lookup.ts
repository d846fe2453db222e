/**
 * Lookups in the 省/市/县 tree (DOMAIN.md §6). Pure functions over a
 * {@link DivisionTree}; the tree itself is `DIVISIONS` in `./data.ts`, passed in
 * so that tests and other sources can use their own.
 *
 * How the tree represents special cases (NBS 统计用区划代码 2023):
 * - municipalities have a city level of their own: 北京 110000 → 110100 市辖区 → 110101 东城区;
 *   重庆 has two (500100 市辖区, 500200 县);
 * - 省直辖县级行政区划 are a city-level node: 河南 410000 → 419000 → 419001 济源市;
 * - cities without a county level carry one county-level entry, sometimes with the
 *   city's own code: 广东 440000 → 441900 东莞市 → 441900 东莞市;
 * - 台湾, 香港 and 澳门 (710000, 810000, 820000) have no subdivisions;
 * - NBS development zones (xxxx7x) are counties marked `statistical`.
 */
import type { Division, DivisionTree } from '../../runtime/compiled-form.js';

/** The three levels of a 省/市/县 choice, from the top. */
export type DivisionLevel = 'province' | 'city' | 'county';

/** The levels in order. */
export const DIVISION_LEVELS: readonly DivisionLevel[] = ['province', 'city', 'county'];

/** The outcome of a lookup: the divisions found, or the first level that is wrong. */
export type DivisionPath =
  | {
      readonly ok: true;
      /** The divisions from the province down, as deep as codes were given. */
      readonly divisions: readonly Division[];
      /** Their names, for submissions (departments read names, DOMAIN.md §6). */
      readonly names: readonly string[];
    }
  | {
      readonly ok: false;
      readonly code: 'E_DIVISION';
      /** The first level whose code is not a division under the level above it. */
      readonly level: DivisionLevel;
    };

const found = (divisions: readonly Division[]): DivisionPath => ({ ok: true, divisions, names: divisions.map((d) => d.name) });
const wrong = (level: DivisionLevel): DivisionPath => ({ ok: false, code: 'E_DIVISION', level });

/**
 * Checks that codes form a real path province → city → county in the tree.
 *
 * @param tree - the division tree.
 * @param province - six-digit province code (e.g. `130000`).
 * @param city - six-digit city code under that province (e.g. `130100`); omit to stop at the province.
 * @param county - six-digit county code under that city (e.g. `130102`); omit to stop at the city.
 * @returns the divisions and their names, or `E_DIVISION` with the first wrong level.
 *   A county without a city is wrong at the city level.
 * @example
 * findDivisionPath(DIVISIONS, '130000', '130100', '130102'); // { ok: true, names: ['河北省', '石家庄市', '长安区'], … }
 * findDivisionPath(DIVISIONS, '130000', '130200', '130102'); // { ok: false, code: 'E_DIVISION', level: 'county' }
 */
export function findDivisionPath(tree: DivisionTree, province: string, city?: string, county?: string): DivisionPath {
  const p = tree.provinces.find((d) => d.code === province);
  if (!p) return wrong('province');
  if (city === undefined) return county === undefined ? found([p]) : wrong('city');
  const c = p.children?.find((d) => d.code === city);
  if (!c) return wrong('city');
  if (county === undefined) return found([p, c]);
  const k = c.children?.find((d) => d.code === county);
  return k ? found([p, c, k]) : wrong('county');
}

/**
 * Finds a single code at any level (e.g. a 医保参保区划 given as one code).
 * A code that is both a city and its own county-level entry (441900 东莞市) is
 * returned at the city level.
 *
 * @param tree - the division tree.
 * @param code - a six-digit code.
 * @returns the path from the province down to the code, or `E_DIVISION` at the province level.
 */
export function findDivisionCode(tree: DivisionTree, code: string): DivisionPath {
  for (const p of tree.provinces) {
    if (p.code === code) return found([p]);
    if (p.code.slice(0, 2) !== code.slice(0, 2)) continue;
    for (const c of p.children ?? []) {
      if (c.code === code) return found([p, c]);
      const k = c.children?.find((d) => d.code === code);
      if (k) return found([p, c, k]);
    }
  }
  return wrong('province');
}
