/**
 * Calendar-date helpers on `YYYY-MM-DD` strings (proleptic Gregorian calendar).
 *
 * Dates are plain strings, never `Date` objects, so that no browser time zone can
 * shift them: "today" is the date in Asia/Shanghai (DOMAIN.md, conventions).
 */

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH_SHAPE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `year` is a Gregorian leap year. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in `month` (1–12) of `year`. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Splits a date that `isRealDate` accepted into numbers. */
function parts(s: string, argument: string): { year: number; month: number; day: number } {
  const match = DATE_SHAPE.exec(s);
  if (match === null || !isRealDate(s)) {
    throw new RangeError(`${argument} must be a real date in YYYY-MM-DD form`);
  }
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Formats numbers as `YYYY-MM-DD`. */
function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The calendar date in Asia/Shanghai at the instant `now`, whatever the time zone
 * of the browser.
 *
 * @param now - the instant; defaults to the current time.
 * @returns the date as `YYYY-MM-DD`.
 * @throws RangeError if `now` is an invalid `Date`.
 * @example
 * todayInShanghai(new Date('2026-01-01T17:00:00Z')); // '2026-01-02'
 */
export function todayInShanghai(now: Date = new Date()): string {
  // Created per call, not at module load: an engine without time-zone data would
  // otherwise fail on import rather than on use.
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    calendar: 'gregory',
    numberingSystem: 'latn',
  });
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatter.formatToParts(now)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return format(Number(year), Number(month), Number(day));
}

/**
 * Whether `s` is a real calendar date in strict `YYYY-MM-DD` form
 * (leap years included: `2024-02-29` is real, `2023-02-29` is not).
 *
 * @param s - the candidate string.
 * @returns `true` for a real date.
 * @example
 * isRealDate('1990-02-30'); // false
 */
export function isRealDate(s: string): boolean {
  const match = DATE_SHAPE.exec(s);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Whether `s` is a year and month in strict `YYYY-MM` form, month `01`–`12`.
 *
 * @param s - the candidate string.
 * @returns `true` for a valid year-month.
 * @example
 * isYearMonth('2025-13'); // false
 */
export function isYearMonth(s: string): boolean {
  return YEAR_MONTH_SHAPE.test(s);
}

/**
 * Adds calendar months to a date. When the target month is shorter, the day is
 * clamped to its last day (DOMAIN.md, "Anniversaries").
 *
 * @param dateYMD - a real date, `YYYY-MM-DD`.
 * @param months - a whole number of months; may be negative.
 * @returns the resulting date, `YYYY-MM-DD`.
 * @throws RangeError if `dateYMD` is not a real date, `months` is not an integer,
 *   or the result falls outside the years 0000–9999.
 * @example
 * addMonthsClamped('2020-02-29', 12); // '2021-02-28'
 */
export function addMonthsClamped(dateYMD: string, months: number): string {
  const { year, month, day } = parts(dateYMD, 'dateYMD');
  if (!Number.isSafeInteger(months)) throw new RangeError('months must be an integer');
  const total = year * 12 + (month - 1) + months;
  const newYear = Math.floor(total / 12);
  const newMonth = total - newYear * 12 + 1;
  if (newYear < 0 || newYear > 9999) throw new RangeError('the resulting year must be within 0000–9999');
  return format(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/**
 * Compares two dates.
 *
 * @param a - a real date, `YYYY-MM-DD`.
 * @param b - a real date, `YYYY-MM-DD`.
 * @returns `-1` if `a` is before `b`, `0` if equal, `1` if after.
 * @throws RangeError if either argument is not a real date.
 * @example
 * compareDates('2025-01-01', '2024-12-31'); // 1
 */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  parts(a, 'a');
  parts(b, 'b');
  // Strict fixed-width form makes string order equal to date order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Age in whole years on a given day. The age is reached on the anniversary, and a
 * 29 February birthday is reached on 28 February in common years.
 *
 * @param birthYMD - the birth date, `YYYY-MM-DD`.
 * @param todayYMD - the reference date, `YYYY-MM-DD`.
 * @returns completed years (negative when the birth date is after `todayYMD`).
 * @throws RangeError if either argument is not a real date.
 * @example
 * ageOn('2008-02-29', '2024-02-28'); // 15
 * ageOn('2008-02-29', '2025-02-28'); // 17
 */
export function ageOn(birthYMD: string, todayYMD: string): number {
  const birth = parts(birthYMD, 'birthYMD');
  const today = parts(todayYMD, 'todayYMD');
  const years = today.year - birth.year;
  const anniversary = addMonthsClamped(birthYMD, years * 12);
  return todayYMD < anniversary ? years - 1 : years;
}
