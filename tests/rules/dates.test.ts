import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped,
  ageOn,
  compareDates,
  isRealDate,
  isYearMonth,
  todayInShanghai,
} from '../../src/rules/dates.js';

describe('todayInShanghai', () => {
  it('is already the next day in Shanghai at 17:00 UTC', () => {
    expect(todayInShanghai(new Date('2026-01-01T17:00:00Z'))).toBe('2026-01-02');
  });

  it('switches date exactly at 16:00 UTC (midnight UTC+8)', () => {
    expect(todayInShanghai(new Date('2026-01-01T15:59:59.999Z'))).toBe('2026-01-01');
    expect(todayInShanghai(new Date('2026-01-01T16:00:00Z'))).toBe('2026-01-02');
  });

  it('crosses a year boundary in Shanghai before UTC does', () => {
    expect(todayInShanghai(new Date('2025-12-31T20:00:00Z'))).toBe('2026-01-01');
  });

  it('throws a RangeError for an invalid Date', () => {
    expect(() => todayInShanghai(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('returns a YYYY-MM-DD string for the current time by default', () => {
    expect(isRealDate(todayInShanghai())).toBe(true);
  });
});

describe('isRealDate', () => {
  it('accepts real dates including 29 February of leap years', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(isRealDate('1949-12-31')).toBe(true);
  });

  it('rejects 29 February of common years, including century years not divisible by 400', () => {
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('1900-02-29')).toBe(false);
  });

  it('rejects impossible days and months', () => {
    expect(isRealDate('1990-02-30')).toBe(false);
    expect(isRealDate('2025-04-31')).toBe(false);
    expect(isRealDate('2025-13-01')).toBe(false);
    expect(isRealDate('2025-00-10')).toBe(false);
    expect(isRealDate('2025-01-00')).toBe(false);
  });

  it('rejects anything but the strict YYYY-MM-DD form', () => {
    expect(isRealDate('2025-1-01')).toBe(false);
    expect(isRealDate('20250101')).toBe(false);
    expect(isRealDate('2025/01/01')).toBe(false);
    expect(isRealDate(' 2025-01-01')).toBe(false);
    expect(isRealDate('2025-01-01T00:00')).toBe(false);
    expect(isRealDate('')).toBe(false);
  });
});

describe('isYearMonth', () => {
  it('accepts months 01 to 12', () => {
    expect(isYearMonth('2025-01')).toBe(true);
    expect(isYearMonth('2025-12')).toBe(true);
  });

  it('rejects month 00, month 13 and loose forms', () => {
    expect(isYearMonth('2025-00')).toBe(false);
    expect(isYearMonth('2025-13')).toBe(false);
    expect(isYearMonth('2025-1')).toBe(false);
    expect(isYearMonth('2025-01-01')).toBe(false);
    expect(isYearMonth('202501')).toBe(false);
  });
});

describe('addMonthsClamped', () => {
  it('clamps 29 February plus one year to 28 February', () => {
    expect(addMonthsClamped('2020-02-29', 12)).toBe('2021-02-28');
  });

  it('keeps 29 February when the target year is a leap year', () => {
    expect(addMonthsClamped('2020-02-29', 48)).toBe('2024-02-29');
  });

  it('clamps the 31st to the end of a shorter month', () => {
    expect(addMonthsClamped('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2025-03-31', 1)).toBe('2025-04-30');
  });

  it('rolls over year boundaries in both directions', () => {
    expect(addMonthsClamped('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonthsClamped('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonthsClamped('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('returns the same date for zero months', () => {
    expect(addMonthsClamped('1966-01-15', 0)).toBe('1966-01-15');
  });

  it('throws a RangeError for an unreal date or a fractional month count', () => {
    expect(() => addMonthsClamped('2023-02-29', 1)).toThrow(RangeError);
    expect(() => addMonthsClamped('2023-02-01', 1.5)).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it('counts the age as reached on the anniversary day', () => {
    expect(ageOn('2010-03-15', '2026-03-15')).toBe(16);
    expect(ageOn('2010-03-15', '2026-03-14')).toBe(15);
  });

  it('reaches a 29 February birthday on 28 February of a common year', () => {
    expect(ageOn('2008-02-29', '2025-02-27')).toBe(16);
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(17);
  });

  it('waits for 29 February itself in a leap year', () => {
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
  });

  it('is zero on the birth date', () => {
    expect(ageOn('2026-03-01', '2026-03-01')).toBe(0);
  });

  it('throws a RangeError for an unreal date', () => {
    expect(() => ageOn('1990-02-30', '2026-01-01')).toThrow(RangeError);
  });
});

describe('compareDates', () => {
  it('orders dates chronologically', () => {
    expect(compareDates('2024-12-31', '2025-01-01')).toBe(-1);
    expect(compareDates('2025-01-01', '2025-01-01')).toBe(0);
    expect(compareDates('2025-01-10', '2025-01-09')).toBe(1);
  });

  it('throws a RangeError for a malformed date', () => {
    expect(() => compareDates('2025-1-1', '2025-01-01')).toThrow(RangeError);
  });
});
