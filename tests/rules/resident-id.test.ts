import { describe, expect, it } from 'vitest';
import { checkIdNumberStructure, checkResidentId, residentIdCheckChar } from '../../src/rules/resident-id.js';

const today = '2026-03-15';

describe('residentIdCheckChar', () => {
  it('computes X for the standard example 11010519491231002X', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('computes the digit check characters of the other examples', () => {
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    expect(residentIdCheckChar('37010219900307151')).toBe('0');
  });

  it('throws a RangeError for a body that is not 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('checkResidentId', () => {
  it('accepts the standard example 11010519491231002X and reads birth date and female sex', () => {
    expect(checkResidentId('11010519491231002X', { today })).toEqual({
      ok: true,
      birthDate: '1949-12-31',
      sex: '2',
      warnings: [],
    });
  });

  it('reads male sex from an odd 17th digit', () => {
    expect(checkResidentId('370102199003071510', { today })).toEqual({
      ok: true,
      birthDate: '1990-03-07',
      sex: '1',
      warnings: [],
    });
  });

  it('normalises full-width digits, a lower-case x, spaces and hyphens first', () => {
    const result = checkResidentId(' １１０１０５-19491231 002ｘ ', { today });
    expect(result.ok).toBe(true);
  });

  it('fails the standard example 440524188001010014 only on the 120-year age bound', () => {
    expect(checkResidentId('440524188001010014', { today })).toEqual({
      ok: false,
      problem: { path: '', code: 'E_ID_DATE', severity: 'error', params: { reason: 'tooOld' } },
    });
    // On a date where the holder is exactly 120, every other check passes.
    expect(checkResidentId('440524188001010014', { today: '2000-01-01' })).toMatchObject({
      ok: true,
      birthDate: '1880-01-01',
      sex: '1',
    });
    expect(checkResidentId('440524188001010014', { today: '2000-12-31' }).ok).toBe(true);
    expect(checkResidentId('440524188001010014', { today: '2001-01-01' }).ok).toBe(false);
  });

  it('rejects a 15-digit legacy number and offers the 18-digit upgrade', () => {
    expect(checkResidentId('370102900307151', { today })).toEqual({
      ok: false,
      problem: { path: '', code: 'E_ID_LEGACY15', severity: 'error' },
      upgrade: '370102199003071510',
    });
  });

  it('rejects a 15-digit legacy number without an upgrade when the upgrade would be invalid', () => {
    // 1990-02-30 does not exist, so the upgraded number would fail too.
    const result = checkResidentId('110105900230001', { today });
    expect(result).toEqual({ ok: false, problem: { path: '', code: 'E_ID_LEGACY15', severity: 'error' } });
  });

  it('rejects malformed numbers with E_ID_SHAPE', () => {
    for (const value of [
      '',
      '11010519491231002',
      '11010519491231002XX',
      '01010519491231002X',
      '110105174912310028',
      '110105194913310028',
      '110105194912320028',
      '1101051949123100X2',
      '11010519491231002Y',
    ]) {
      expect(checkResidentId(value, { today })).toEqual({
        ok: false,
        problem: { path: '', code: 'E_ID_SHAPE', severity: 'error' },
      });
    }
  });

  it('accepts 29 February of a leap year', () => {
    expect(checkResidentId('110105200002290013', { today })).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(checkResidentId('110105202402290011', { today })).toMatchObject({ ok: true, birthDate: '2024-02-29' });
  });

  it('rejects 29 February of a common year and 30 February with E_ID_DATE', () => {
    for (const value of ['110105202302290014', '110105190002290017', '11010519900230001X']) {
      expect(checkResidentId(value, { today })).toEqual({
        ok: false,
        problem: { path: '', code: 'E_ID_DATE', severity: 'error', params: { reason: 'invalid' } },
      });
    }
  });

  it('rejects a birth date after today but accepts one on today', () => {
    expect(checkResidentId('440524202603160018', { today })).toEqual({
      ok: false,
      problem: { path: '', code: 'E_ID_DATE', severity: 'error', params: { reason: 'future' } },
    });
    expect(checkResidentId('11010520300101001X', { today })).toMatchObject({ ok: false, problem: { code: 'E_ID_DATE' } });
    expect(checkResidentId('440524202603150012', { today })).toMatchObject({ ok: true, birthDate: '2026-03-15' });
  });

  it('rejects a resident ID whose check character is wrong', () => {
    expect(checkResidentId('110105194912310021', { today })).toEqual({
      ok: false,
      problem: { path: '', code: 'E_ID_CHECKSUM', severity: 'error' },
    });
    expect(checkResidentId('370102199003071511', { today })).toMatchObject({
      ok: false,
      problem: { code: 'E_ID_CHECKSUM' },
    });
  });

  it('reports the date before the check character', () => {
    // Both the date (30 Feb) and the check character (should be X) are wrong.
    expect(checkResidentId('110105199002300010', { today })).toMatchObject({ problem: { code: 'E_ID_DATE' } });
  });

  it('rejects a number whose first two digits are not a province code', () => {
    for (const value of ['100105194912310028', '660105194912310027']) {
      expect(checkResidentId(value, { today })).toEqual({
        ok: false,
        problem: { path: '', code: 'E_ID_REGION', severity: 'error' },
      });
    }
  });

  it('rejects residence-permit and foreign-PR prefixes 81, 83 and 9 as a region error', () => {
    expect(checkResidentId('810000199408230021', { today })).toMatchObject({ problem: { code: 'E_ID_REGION' } });
    expect(checkResidentId('830000198005150042', { today })).toMatchObject({ problem: { code: 'E_ID_REGION' } });
    expect(checkResidentId('910840198503151237', { today })).toMatchObject({ problem: { code: 'E_ID_REGION' } });
  });

  it('accepts the Taiwan code 71 with a W_ID_REGION_TW warning', () => {
    expect(checkResidentId('710000198001010010', { today })).toEqual({
      ok: true,
      birthDate: '1980-01-01',
      sex: '1',
      warnings: [{ path: '', code: 'W_ID_REGION_TW', severity: 'warning' }],
    });
  });

  it('accepts address codes abolished since first registration', () => {
    // 370634 长岛县 and 320611 港闸区 were abolished in 2020 but stay valid in ID numbers.
    expect(checkResidentId(`37063419850101001${residentIdCheckChar('37063419850101001')}`, { today }).ok).toBe(true);
    expect(checkResidentId(`32061119850101002${residentIdCheckChar('32061119850101002')}`, { today }).ok).toBe(true);
  });

  it('throws a RangeError when today is not a real date', () => {
    expect(() => checkResidentId('11010519491231002X', { today: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('checkIdNumberStructure', () => {
  it('checks shape, date and check character but not the address code', () => {
    expect(checkIdNumberStructure('810000199408230021', { today })).toEqual({
      ok: true,
      birthDate: '1994-08-23',
      sex: '2',
    });
  });
});
