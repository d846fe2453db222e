import { describe, expect, it } from 'vitest';
import { checkUscc, isValidUscc, usccCheckChar } from '../../src/rules/uscc.js';

describe('usccCheckChar', () => {
  it('computes the check characters of the DOMAIN §2 examples', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('92530102MA6K0Q7B1')).toBe('D');
  });

  it('maps a result of 31 to 0', () => {
    // Σ Ci·Wi ≡ 0 (mod 31) for an all-zero body, so 31 − 0 = 31 → '0'.
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it('throws a RangeError for a body with a letter outside the character set', () => {
    expect(() => usccCheckChar('91350100M000100I4')).toThrow(RangeError);
    expect(() => usccCheckChar('91350100M000100Y')).toThrow(RangeError);
  });
});

describe('isValidUscc', () => {
  it('accepts the well-known example and the Kunming 个体工商户 example', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('92530102MA6K0Q7B1D')).toBe(true);
  });

  it('rejects a code whose check character is wrong', () => {
    expect(isValidUscc('92530102MA6K0Q7B1E')).toBe(false);
  });

  it('normalises full-width characters, lower case and spaces first', () => {
    expect(isValidUscc(' ９２５３０１０２ma6k0q7b1d ')).toBe(true);
  });

  it('rejects codes with letters outside the character set or a wrong shape', () => {
    expect(isValidUscc('92530102MA6K0Q7B1')).toBe(false);
    expect(isValidUscc('925301O2MA6K0Q7B1D')).toBe(false);
    expect(isValidUscc('92530102MA6K0Q7BID')).toBe(false);
    expect(isValidUscc('')).toBe(false);
  });
});

describe('checkUscc', () => {
  it('returns no problem for valid codes', () => {
    expect(checkUscc('91350100M000100Y43')).toEqual([]);
    expect(checkUscc('92530102MA6K0Q7B1D')).toEqual([]);
  });

  it('reports E_USCC_SHAPE for a malformed code', () => {
    expect(checkUscc('9253')).toEqual([{ path: '', code: 'E_USCC_SHAPE', severity: 'error' }]);
  });

  it('reports E_USCC_CHECKSUM for a wrong check character', () => {
    expect(checkUscc('92530102MA6K0Q7B1E')).toEqual([{ path: '', code: 'E_USCC_CHECKSUM', severity: 'error' }]);
  });

  it('warns when the embedded GB 11714 organisation code fails its own check', () => {
    // USCC check character R is right, but the organisation code 10000000-0 should end in 8.
    expect(usccCheckChar('91110000100000000')).toBe('R');
    expect(checkUscc('91110000100000000R')).toEqual([{ path: '', code: 'W_USCC_ORG_CODE', severity: 'warning' }]);
  });
});
