import { describe, expect, it } from 'vitest';
import { checkIdDocument, ID_DOCUMENT_TYPES, isIdDocumentType } from '../../src/rules/id-document.js';

const today = '2026-03-15';

describe('ID_DOCUMENT_TYPES', () => {
  it('lists the seven document types of DOMAIN §1.5 in order with Chinese labels', () => {
    expect(ID_DOCUMENT_TYPES.map((option) => [option.id, option.zh])).toEqual([
      ['residentId', '居民身份证'],
      ['hkMoResidencePermit', '港澳居民居住证'],
      ['twResidencePermit', '台湾居民居住证'],
      ['foreignPermanentResidentId', '外国人永久居留身份证'],
      ['hkMoTravelPermit', '港澳居民来往内地通行证'],
      ['twTravelPermit', '台湾居民来往大陆通行证'],
      ['passport', '护照'],
    ]);
  });

  it('gives every type an English label', () => {
    expect(ID_DOCUMENT_TYPES[0]?.en).toBe('Resident identity card');
    for (const option of ID_DOCUMENT_TYPES) expect(option.en.length).toBeGreaterThan(0);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(ID_DOCUMENT_TYPES)).toBe(true);
    expect(Object.isFrozen(ID_DOCUMENT_TYPES[0])).toBe(true);
  });
});

describe('isIdDocumentType', () => {
  it('accepts known ids and rejects anything else', () => {
    expect(isIdDocumentType('passport')).toBe(true);
    expect(isIdDocumentType('idCard')).toBe(false);
    expect(isIdDocumentType(1)).toBe(false);
  });
});

describe('checkIdDocument: residentId', () => {
  it('accepts a citizen number with birth date and sex', () => {
    expect(checkIdDocument('residentId', '11010519491231002X', { today })).toEqual({
      ok: true,
      birthDate: '1949-12-31',
      sex: '2',
      warnings: [],
    });
  });

  it('passes through the legacy 15-digit error and its upgrade', () => {
    expect(checkIdDocument('residentId', '370102900307151', { today })).toEqual({
      ok: false,
      problem: { path: '', code: 'E_ID_LEGACY15', severity: 'error' },
      upgrade: '370102199003071510',
    });
  });

  it('rejects an 81 or 82 number as a type mismatch pointing to the HK/Macao residence permit', () => {
    expect(checkIdDocument('residentId', '810000199408230021', { today })).toEqual({
      ok: false,
      problem: { path: '', code: 'E_ID_TYPE_MISMATCH', severity: 'error', params: { detected: 'hkMoResidencePermit' } },
    });
    expect(checkIdDocument('residentId', '82000020010101003X', { today })).toMatchObject({
      problem: { code: 'E_ID_TYPE_MISMATCH', params: { detected: 'hkMoResidencePermit' } },
    });
  });

  it('rejects an 83 number as a type mismatch pointing to the Taiwan residence permit', () => {
    expect(checkIdDocument('residentId', '830000198005150042', { today })).toMatchObject({
      problem: { code: 'E_ID_TYPE_MISMATCH', params: { detected: 'twResidencePermit' } },
    });
  });

  it('rejects a 9x number as a type mismatch pointing to the foreign permanent-resident ID', () => {
    expect(checkIdDocument('residentId', '910840198503151237', { today })).toMatchObject({
      problem: { code: 'E_ID_TYPE_MISMATCH', params: { detected: 'foreignPermanentResidentId' } },
    });
  });

  it('rejects a 2017 foreign-PR number and an HK/Macao travel-permit number as type mismatches', () => {
    expect(checkIdDocument('residentId', 'USA310085031512', { today })).toMatchObject({
      problem: { code: 'E_ID_TYPE_MISMATCH', params: { detected: 'foreignPermanentResidentId' } },
    });
    expect(checkIdDocument('residentId', 'H12345678', { today })).toMatchObject({
      problem: { code: 'E_ID_TYPE_MISMATCH', params: { detected: 'hkMoTravelPermit' } },
    });
  });

  it('keeps the Taiwan 71 warning', () => {
    expect(checkIdDocument('residentId', '710000198001010010', { today })).toMatchObject({
      ok: true,
      warnings: [{ code: 'W_ID_REGION_TW', severity: 'warning' }],
    });
  });

  it('rejects a citizen number with a wrong check character', () => {
    expect(checkIdDocument('residentId', '110105194912310021', { today })).toMatchObject({
      ok: false,
      problem: { code: 'E_ID_CHECKSUM' },
    });
  });
});

describe('checkIdDocument: residence permits', () => {
  it('accepts Hong Kong 810000 and Macao 820000 permits with birth date and sex from the parity', () => {
    expect(checkIdDocument('hkMoResidencePermit', '810000199408230021', { today })).toEqual({
      ok: true,
      birthDate: '1994-08-23',
      sex: '2',
      warnings: [],
    });
    expect(checkIdDocument('hkMoResidencePermit', '82000020010101003x', { today })).toEqual({
      ok: true,
      birthDate: '2001-01-01',
      sex: '1',
      warnings: [],
    });
  });

  it('accepts a Taiwan 830000 permit', () => {
    expect(checkIdDocument('twResidencePermit', '830000198005150042', { today })).toEqual({
      ok: true,
      birthDate: '1980-05-15',
      sex: '2',
      warnings: [],
    });
  });

  it('rejects a permit with a wrong check character', () => {
    expect(checkIdDocument('hkMoResidencePermit', '810000199408230022', { today })).toMatchObject({
      problem: { code: 'E_ID_CHECKSUM' },
    });
  });

  it('rejects a permit with an impossible or future birth date', () => {
    expect(checkIdDocument('twResidencePermit', `83000019900230004${'0'}`, { today })).toMatchObject({
      problem: { code: 'E_ID_DATE', params: { reason: 'invalid' } },
    });
    expect(checkIdDocument('hkMoResidencePermit', '810000203001010010', { today })).toMatchObject({
      problem: { code: 'E_ID_DATE', params: { reason: 'future' } },
    });
  });

  it('rejects an 81 number whose address code is not exactly 810000', () => {
    expect(checkIdDocument('hkMoResidencePermit', '811234199408230027', { today })).toEqual({
      ok: false,
      problem: { path: '', code: 'E_ID_REGION', severity: 'error' },
    });
  });

  it('rejects a Taiwan permit number under the HK/Macao type and vice versa', () => {
    expect(checkIdDocument('hkMoResidencePermit', '830000198005150042', { today })).toMatchObject({
      problem: { code: 'E_ID_TYPE_MISMATCH', params: { detected: 'twResidencePermit' } },
    });
    expect(checkIdDocument('twResidencePermit', '810000199408230021', { today })).toMatchObject({
      problem: { code: 'E_ID_TYPE_MISMATCH', params: { detected: 'hkMoResidencePermit' } },
    });
  });

  it('rejects a citizen number under a permit type as a type mismatch', () => {
    expect(checkIdDocument('hkMoResidencePermit', '11010519491231002X', { today })).toMatchObject({
      problem: { code: 'E_ID_TYPE_MISMATCH', params: { detected: 'residentId' } },
    });
  });

  it('rejects a malformed permit number with E_ID_SHAPE', () => {
    expect(checkIdDocument('hkMoResidencePermit', '81000019940823002', { today })).toMatchObject({
      problem: { code: 'E_ID_SHAPE' },
    });
  });
});

describe('checkIdDocument: foreign permanent-resident ID', () => {
  it('accepts a 2023 number with birth date but without sex', () => {
    const result = checkIdDocument('foreignPermanentResidentId', '910840198503151237', { today });
    expect(result).toEqual({ ok: true, birthDate: '1985-03-15', warnings: [] });
    expect(result).not.toHaveProperty('sex');
  });

  it('accepts a 2023 number whose MOD 11-2 check character is X', () => {
    expect(checkIdDocument('foreignPermanentResidentId', '91084019850315127x', { today })).toMatchObject({ ok: true });
  });

  it('rejects a 2023 number with a wrong check character', () => {
    expect(checkIdDocument('foreignPermanentResidentId', '910840198503151238', { today })).toMatchObject({
      problem: { code: 'E_ID_CHECKSUM' },
    });
  });

  it('rejects a 2023 number with an impossible birth date', () => {
    expect(checkIdDocument('foreignPermanentResidentId', '910840198502301230', { today })).toMatchObject({
      problem: { code: 'E_ID_DATE' },
    });
  });

  it('accepts a 2017 number on its shape alone', () => {
    expect(checkIdDocument('foreignPermanentResidentId', 'usa 310085031512', { today })).toEqual({
      ok: true,
      warnings: [],
    });
  });

  it('rejects a 2017 number with E_ID_FOREIGN_PR_OLD when the new version is required', () => {
    expect(
      checkIdDocument('foreignPermanentResidentId', 'USA310085031512', { today, requireNewForeignPr: true }),
    ).toEqual({ ok: false, problem: { path: '', code: 'E_ID_FOREIGN_PR_OLD', severity: 'error' } });
  });

  it('still accepts a 2023 number when the new version is required', () => {
    expect(
      checkIdDocument('foreignPermanentResidentId', '910840198503151237', { today, requireNewForeignPr: true }).ok,
    ).toBe(true);
  });

  it('rejects a citizen number as a type mismatch', () => {
    expect(checkIdDocument('foreignPermanentResidentId', '11010519491231002X', { today })).toMatchObject({
      problem: { code: 'E_ID_TYPE_MISMATCH', params: { detected: 'residentId' } },
    });
  });

  it('rejects malformed numbers with E_ID_SHAPE', () => {
    for (const value of ['US310085031512', 'USA31008503151', '91084019850315123', '750105194912310021']) {
      expect(checkIdDocument('foreignPermanentResidentId', value, { today })).toMatchObject({
        problem: { code: 'E_ID_SHAPE' },
      });
    }
  });
});

describe('checkIdDocument: travel permits and passport', () => {
  it('accepts HK/Macao travel permits of 9 and 11 characters', () => {
    expect(checkIdDocument('hkMoTravelPermit', 'H12345678', { today })).toEqual({ ok: true, warnings: [] });
    expect(checkIdDocument('hkMoTravelPermit', 'm1234567890', { today })).toEqual({ ok: true, warnings: [] });
  });

  it('rejects malformed HK/Macao travel permits', () => {
    for (const value of ['A12345678', 'H1234567', 'H123456789', '12345678']) {
      expect(checkIdDocument('hkMoTravelPermit', value, { today })).toMatchObject({ problem: { code: 'E_ID_SHAPE' } });
    }
  });

  it('accepts an 8-digit Taiwan travel permit and rejects other lengths', () => {
    expect(checkIdDocument('twTravelPermit', '１２３４５６７８', { today })).toEqual({ ok: true, warnings: [] });
    expect(checkIdDocument('twTravelPermit', '1234567', { today })).toMatchObject({ problem: { code: 'E_ID_SHAPE' } });
  });

  it('accepts passport numbers of 5 to 17 letters and digits', () => {
    expect(checkIdDocument('passport', 'E12345678', { today })).toEqual({ ok: true, warnings: [] });
    expect(checkIdDocument('passport', 'ab123', { today })).toEqual({ ok: true, warnings: [] });
  });

  it('rejects passport numbers that are too short, too long or contain symbols', () => {
    for (const value of ['AB12', 'A23456789012345678', 'E1234/5678']) {
      expect(checkIdDocument('passport', value, { today })).toMatchObject({ problem: { code: 'E_ID_SHAPE' } });
    }
  });

  it('rejects a residence-permit number under the HK/Macao travel-permit type as a mismatch', () => {
    expect(checkIdDocument('hkMoTravelPermit', '810000199408230021', { today })).toMatchObject({
      problem: { code: 'E_ID_TYPE_MISMATCH', params: { detected: 'hkMoResidencePermit' } },
    });
  });
});

describe('checkIdDocument: options', () => {
  it('throws a RangeError when today is not a real date', () => {
    expect(() => checkIdDocument('passport', 'E12345678', { today: 'today' })).toThrow(RangeError);
  });
});
