/**
 * Minimum working age and the statutory retirement age of the 2024 reform
 * (全国人大常委会《关于实施渐进式延迟法定退休年龄的决定》, in force 2025-01-01),
 * DOMAIN.md §7.2 and §7.3.
 */
import { addMonthsClamped, ageOn, isRealDate, isYearMonth } from './dates.js';
import type { Problem, Severity } from './problem.js';
import type { SexCode } from './resident-id.js';

/**
 * The retirement categories: `M60` men (original age 60), `F55` women whose
 * original age was 55 (cadre, managerial or technical posts), `F50` women whose
 * original age was 50 (worker posts).
 */
export type RetirementCategory = 'M60' | 'F55' | 'F50';

/** Options of `checkWorkingAge`. */
export interface WorkingAgeOptions {
  /** The birth date, `YYYY-MM-DD` (usually from the ID number). */
  readonly birthDate: string;
  /** GB/T 2261.1 sex code; `undefined` when unknown. */
  readonly sex: SexCode | undefined;
  /** The application date, `YYYY-MM-DD` in Asia/Shanghai. */
  readonly today: string;
  /** Minimum age in whole years (16 in every seed). */
  readonly min: number;
  /**
   * Severity of `E_AGE_RETIRED`: `error` only where the seed states the condition
   * (Yunnan 社会保险登记, Guangxi 职工参保登记, Hebei 就业登记), `warning` elsewhere,
   * `none` to skip every retirement check.
   */
  readonly retirement: Severity | 'none';
}

interface Schedule {
  /** The original retirement age in years. */
  readonly originalAge: number;
  /** The first affected birth month, as months since year 0 (year·12 + month − 1). */
  readonly start: number;
  /** One month of delay for every `step` birth months. */
  readonly step: number;
  /** The maximum delay in months. */
  readonly cap: number;
}

/** 《国务院关于渐进式延迟法定退休年龄的办法》, the table of DOMAIN.md §7.2. */
const SCHEDULES: Readonly<Record<RetirementCategory, Schedule>> = {
  M60: { originalAge: 60, start: 1965 * 12, step: 4, cap: 36 },
  F55: { originalAge: 55, start: 1970 * 12, step: 4, cap: 36 },
  F50: { originalAge: 50, start: 1975 * 12, step: 2, cap: 60 },
};

const CATEGORIES: readonly RetirementCategory[] = ['M60', 'F55', 'F50'];

/**
 * The statutory retirement age, in months, for a birth month and category:
 * `originalAge·12 + delay`, where `delay = k < 0 ? 0 : min(cap, floor(k / step) + 1)`
 * and `k` counts birth months since the category's first affected month.
 *
 * @param birthYM - the birth month, `YYYY-MM`.
 * @param category - the retirement category.
 * @returns the retirement age in months.
 * @throws RangeError if `birthYM` is not a valid `YYYY-MM`.
 * @example
 * retirementAgeMonths('1966-01', 'M60'); // 724 (60 years 4 months)
 */
export function retirementAgeMonths(birthYM: string, category: RetirementCategory): number {
  if (!isYearMonth(birthYM)) throw new RangeError('birthYM must be a year and month in YYYY-MM form');
  const schedule = SCHEDULES[category];
  const k = Number(birthYM.slice(0, 4)) * 12 + Number(birthYM.slice(5, 7)) - 1 - schedule.start;
  const delay = k < 0 ? 0 : Math.min(schedule.cap, Math.floor(k / schedule.step) + 1);
  return schedule.originalAge * 12 + delay;
}

/**
 * The date on which the statutory retirement age is reached: the birth date plus
 * `retirementAgeMonths`, with the anniversary rule (day clamped to month end).
 *
 * @param birthYMD - the birth date, `YYYY-MM-DD`.
 * @param category - the retirement category.
 * @returns the retirement date, `YYYY-MM-DD`.
 * @throws RangeError if `birthYMD` is not a real date.
 * @example
 * retirementDate('1966-01-15', 'M60'); // '2026-05-15'
 */
export function retirementDate(birthYMD: string, category: RetirementCategory): string {
  if (!isRealDate(birthYMD)) throw new RangeError('birthYMD must be a real date in YYYY-MM-DD form');
  return addMonthsClamped(birthYMD, retirementAgeMonths(birthYMD.slice(0, 7), category));
}

function retired(severity: Severity, retireOn: string, category: RetirementCategory): Problem {
  return { path: '', code: 'E_AGE_RETIRED', severity, params: { retireOn, category } };
}

function mayBeRetired(retireOn: string, category: RetirementCategory): Problem {
  return { path: '', code: 'W_AGE_MAY_BE_RETIRED', severity: 'warning', params: { retireOn, category } };
}

/**
 * Checks that the applicant is of working age on `today` (DOMAIN.md §7.1, §7.3) and
 * returns every problem (path `''`):
 *
 * - error `E_AGE_MIN` (`params {min, age}`) when younger than `min`;
 * - men: `E_AGE_RETIRED` (severity = `retirement`) once today ≥ the `M60` date;
 * - women: `E_AGE_RETIRED` (severity = `retirement`) once today ≥ the lenient `F55`
 *   date, and warning `W_AGE_MAY_BE_RETIRED` from the `F50` date until then;
 * - sex unknown: the latest of the three dates is the bound, and both problems are
 *   warnings only (`E_AGE_RETIRED` at severity `warning`, `W_AGE_MAY_BE_RETIRED` from
 *   the earliest date).
 *
 * Retirement problems carry `params {retireOn, category}`. With `retirement: 'none'`
 * only the minimum age is checked.
 *
 * @param options - birth date, sex, application date, minimum age, retirement severity.
 * @returns the problems; empty when the applicant is of working age.
 * @throws RangeError if `birthDate` or `today` is not a real date.
 * @example
 * checkWorkingAge({ birthDate: '1966-01-15', sex: '1', today: '2026-05-15', min: 16, retirement: 'error' });
 * // [{ path: '', code: 'E_AGE_RETIRED', severity: 'error', params: { retireOn: '2026-05-15', category: 'M60' } }]
 */
export function checkWorkingAge(options: WorkingAgeOptions): readonly Problem[] {
  const { birthDate, sex, today, min, retirement } = options;
  const problems: Problem[] = [];
  const age = ageOn(birthDate, today);
  if (age < min) problems.push({ path: '', code: 'E_AGE_MIN', severity: 'error', params: { min, age } });
  if (retirement === 'none') return problems;

  if (sex === '1') {
    const retireOn = retirementDate(birthDate, 'M60');
    if (today >= retireOn) problems.push(retired(retirement, retireOn, 'M60'));
    return problems;
  }

  // Women: F50 or F55 cannot be told apart, so block only at the lenient F55 date (§7.3).
  // Unknown sex: bound by the latest and earliest of all three dates, warnings only.
  const candidates: readonly RetirementCategory[] = sex === '2' ? ['F55', 'F50'] : CATEGORIES;
  const dates = candidates
    .map((category) => ({ category, retireOn: retirementDate(birthDate, category) }))
    .sort((a, b) => (a.retireOn < b.retireOn ? -1 : a.retireOn > b.retireOn ? 1 : 0));
  const earliest = dates[0];
  const latest = dates[dates.length - 1];
  if (earliest === undefined || latest === undefined) return problems;
  const severity: Severity = sex === '2' ? retirement : 'warning';
  if (today >= latest.retireOn) problems.push(retired(severity, latest.retireOn, latest.category));
  else if (today >= earliest.retireOn) problems.push(mayBeRetired(earliest.retireOn, earliest.category));
  return problems;
}
