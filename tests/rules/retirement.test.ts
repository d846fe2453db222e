import { describe, expect, it } from 'vitest';
import type { RetirementCategory, WorkingAgeOptions } from '../../src/rules/retirement.js';
import { checkWorkingAge, retirementAgeMonths, retirementDate } from '../../src/rules/retirement.js';

/** The worked examples of DOMAIN §7.2: category, birth month, age (years, months), retirement month. */
const WORKED_EXAMPLES: readonly (readonly [RetirementCategory, string, number, number, string])[] = [
  ['M60', '1965-01', 60, 1, '2025-02'],
  ['M60', '1966-01', 60, 4, '2026-05'],
  ['M60', '1975-06', 62, 8, '2038-02'],
  ['M60', '1976-09', 63, 0, '2039-09'],
  ['F55', '1970-01', 55, 1, '2025-02'],
  ['F55', '1971-06', 55, 5, '2026-11'],
  ['F55', '1981-09', 58, 0, '2039-09'],
  ['F50', '1975-01', 50, 1, '2025-02'],
  ['F50', '1975-06', 50, 3, '2025-09'],
  ['F50', '1977-01', 51, 1, '2028-02'],
  ['F50', '1984-11', 55, 0, '2039-11'],
];

describe('retirementAgeMonths', () => {
  for (const [category, birthYM, years, months, retireYM] of WORKED_EXAMPLES) {
    it(`gives ${years}y${months}m for ${category} born ${birthYM} (retires ${retireYM})`, () => {
      expect(retirementAgeMonths(birthYM, category)).toBe(years * 12 + months);
    });
  }

  it('keeps the original age for births before the first affected month', () => {
    expect(retirementAgeMonths('1964-12', 'M60')).toBe(720);
    expect(retirementAgeMonths('1969-12', 'F55')).toBe(660);
    expect(retirementAgeMonths('1974-12', 'F50')).toBe(600);
  });

  it('adds one month per 4 birth months for M60 and F55, and per 2 for F50', () => {
    expect(retirementAgeMonths('1965-04', 'M60')).toBe(721);
    expect(retirementAgeMonths('1965-05', 'M60')).toBe(722);
    expect(retirementAgeMonths('1975-02', 'F50')).toBe(601);
    expect(retirementAgeMonths('1975-03', 'F50')).toBe(602);
  });

  it('caps the delay at 36 months for M60 and F55 and 60 months for F50', () => {
    expect(retirementAgeMonths('1990-01', 'M60')).toBe(756);
    expect(retirementAgeMonths('1990-01', 'F55')).toBe(696);
    expect(retirementAgeMonths('1990-01', 'F50')).toBe(660);
    expect(retirementAgeMonths('1976-08', 'M60')).toBe(755);
    expect(retirementAgeMonths('1984-10', 'F50')).toBe(659);
  });

  it('throws a RangeError for a malformed birth month', () => {
    expect(() => retirementAgeMonths('1966-13', 'M60')).toThrow(RangeError);
    expect(() => retirementAgeMonths('1966-01-15', 'M60')).toThrow(RangeError);
  });
});

describe('retirementDate', () => {
  for (const [category, birthYM, , , retireYM] of WORKED_EXAMPLES) {
    it(`retires ${category} born ${birthYM}-15 on ${retireYM}-15`, () => {
      expect(retirementDate(`${birthYM}-15`, category)).toBe(`${retireYM}-15`);
    });
  }

  it('clamps the day to the end of a shorter retirement month', () => {
    // 1965-01-31 + 60y1m lands in February 2025.
    expect(retirementDate('1965-01-31', 'M60')).toBe('2025-02-28');
    // 1966-01-31 + 60y4m lands in May, which has 31 days.
    expect(retirementDate('1966-01-31', 'M60')).toBe('2026-05-31');
    // 1964-02-29 + 60y lands on 29 February 2024, a leap year.
    expect(retirementDate('1964-02-29', 'M60')).toBe('2024-02-29');
    // 1975-07-31 + 50y4m lands in November, which has 30 days.
    expect(retirementDate('1975-07-31', 'F50')).toBe('2025-11-30');
  });

  it('throws a RangeError for an unreal birth date', () => {
    expect(() => retirementDate('1966-02-30', 'M60')).toThrow(RangeError);
  });
});

describe('checkWorkingAge', () => {
  const base: WorkingAgeOptions = {
    birthDate: '1990-06-15',
    sex: '1',
    today: '2026-03-15',
    min: 16,
    retirement: 'error',
  };

  it('returns nothing for a working-age applicant', () => {
    expect(checkWorkingAge(base)).toEqual([]);
  });

  it('reports E_AGE_MIN with min and age when under the minimum age', () => {
    expect(checkWorkingAge({ ...base, birthDate: '2010-03-16' })).toEqual([
      { path: '', code: 'E_AGE_MIN', severity: 'error', params: { min: 16, age: 15 } },
    ]);
  });

  it('accepts the minimum age on the 16th birthday itself', () => {
    expect(checkWorkingAge({ ...base, birthDate: '2010-03-15' })).toEqual([]);
  });

  it('reaches 16 on 28 February for a 29 February birthday in a common year', () => {
    expect(checkWorkingAge({ ...base, birthDate: '2008-02-29', today: '2024-02-28' })).toMatchObject([
      { code: 'E_AGE_MIN' },
    ]);
    expect(checkWorkingAge({ ...base, birthDate: '2009-02-28', today: '2025-02-28' })).toEqual([]);
  });

  describe('men', () => {
    const man: WorkingAgeOptions = { ...base, birthDate: '1966-01-15', sex: '1' };

    it('reports E_AGE_RETIRED from the M60 date on, with retireOn', () => {
      expect(checkWorkingAge({ ...man, today: '2026-05-15' })).toEqual([
        { path: '', code: 'E_AGE_RETIRED', severity: 'error', params: { retireOn: '2026-05-15', category: 'M60' } },
      ]);
    });

    it('accepts a man the day before his retirement date', () => {
      expect(checkWorkingAge({ ...man, today: '2026-05-14' })).toEqual([]);
    });

    it('uses the retirement option as the severity', () => {
      expect(checkWorkingAge({ ...man, today: '2027-01-01', retirement: 'warning' })).toMatchObject([
        { code: 'E_AGE_RETIRED', severity: 'warning' },
      ]);
      expect(checkWorkingAge({ ...man, today: '2027-01-01', retirement: 'none' })).toEqual([]);
    });

    it('never gives the may-be-retired warning to men', () => {
      // Past what would be the F50 and F55 dates, before M60.
      expect(checkWorkingAge({ ...man, today: '2025-01-01' })).toEqual([]);
    });
  });

  describe('women', () => {
    // F50 date: 2021-06-10 (born before 1975, no delay); F55 date: 1971-06 + 55y5m = 2026-11-10.
    const woman: WorkingAgeOptions = { ...base, birthDate: '1971-06-10', sex: '2' };

    it('accepts a woman before the F50 date', () => {
      expect(checkWorkingAge({ ...woman, today: '2021-06-09' })).toEqual([]);
    });

    it('warns W_AGE_MAY_BE_RETIRED between the F50 and F55 dates, even when retirement is an error', () => {
      const expected = [
        { path: '', code: 'W_AGE_MAY_BE_RETIRED', severity: 'warning', params: { retireOn: '2021-06-10', category: 'F50' } },
      ];
      expect(checkWorkingAge({ ...woman, today: '2021-06-10' })).toEqual(expected);
      expect(checkWorkingAge({ ...woman, today: '2026-11-09' })).toEqual(expected);
    });

    it('reports E_AGE_RETIRED at the lenient F55 date with the chosen severity', () => {
      expect(checkWorkingAge({ ...woman, today: '2026-11-10' })).toEqual([
        { path: '', code: 'E_AGE_RETIRED', severity: 'error', params: { retireOn: '2026-11-10', category: 'F55' } },
      ]);
      expect(checkWorkingAge({ ...woman, today: '2026-11-10', retirement: 'warning' })).toMatchObject([
        { code: 'E_AGE_RETIRED', severity: 'warning' },
      ]);
    });

    it('reports nothing about retirement when retirement is none', () => {
      expect(checkWorkingAge({ ...woman, today: '2024-01-01', retirement: 'none' })).toEqual([]);
      expect(checkWorkingAge({ ...woman, today: '2030-01-01', retirement: 'none' })).toEqual([]);
    });
  });

  describe('unknown sex', () => {
    // M60: 1966-01-15 + 60y4m = 2026-05-15; F55: + 55y = 2021-01-15; F50: + 50y = 2016-01-15.
    const unknown: WorkingAgeOptions = { ...base, birthDate: '1966-01-15', sex: undefined };

    it('accepts the applicant before the earliest date', () => {
      expect(checkWorkingAge({ ...unknown, today: '2016-01-14' })).toEqual([]);
    });

    it('warns W_AGE_MAY_BE_RETIRED from the earliest date', () => {
      expect(checkWorkingAge({ ...unknown, today: '2016-01-15' })).toEqual([
        { path: '', code: 'W_AGE_MAY_BE_RETIRED', severity: 'warning', params: { retireOn: '2016-01-15', category: 'F50' } },
      ]);
      expect(checkWorkingAge({ ...unknown, today: '2026-05-14' })).toMatchObject([{ code: 'W_AGE_MAY_BE_RETIRED' }]);
    });

    it('uses the latest date as the bound and only warns, even when retirement is an error', () => {
      expect(checkWorkingAge({ ...unknown, today: '2026-05-15', retirement: 'error' })).toEqual([
        { path: '', code: 'E_AGE_RETIRED', severity: 'warning', params: { retireOn: '2026-05-15', category: 'M60' } },
      ]);
    });
  });

  it('reports both the minimum age and retirement when the minimum is above the retirement age', () => {
    expect(checkWorkingAge({ ...base, birthDate: '1950-01-01', min: 80 })).toMatchObject([
      { code: 'E_AGE_MIN', params: { min: 80, age: 76 } },
      { code: 'E_AGE_RETIRED' },
    ]);
  });

  it('throws a RangeError for an unreal birth date or today', () => {
    expect(() => checkWorkingAge({ ...base, birthDate: '1990-02-30' })).toThrow(RangeError);
    expect(() => checkWorkingAge({ ...base, today: '2026-3-15' })).toThrow(RangeError);
  });
});
