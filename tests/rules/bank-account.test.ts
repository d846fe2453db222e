import { describe, expect, it } from 'vitest';
import { checkBankAccount } from '../../src/rules/bank-account.js';

describe('checkBankAccount', () => {
  it('accepts a 19-digit card number that passes Luhn', () => {
    expect(checkBankAccount('6217001234567890122')).toEqual([]);
  });

  it('only warns when a 16–19 digit number fails Luhn', () => {
    expect(checkBankAccount('6217001234567890123')).toEqual([{ path: '', code: 'W_BANK_LUHN', severity: 'warning' }]);
    expect(checkBankAccount('6222021234567890')).toEqual([{ path: '', code: 'W_BANK_LUHN', severity: 'warning' }]);
  });

  it('does not apply Luhn to passbook or corporate account lengths', () => {
    expect(checkBankAccount('12345678')).toEqual([]);
    expect(checkBankAccount('123456789012345')).toEqual([]);
    expect(checkBankAccount('12345678901234567890')).toEqual([]);
    expect(checkBankAccount('1'.repeat(32))).toEqual([]);
  });

  it('normalises spaces, hyphens and full-width digits first', () => {
    expect(checkBankAccount(' 6217 0012-3456 7890 １２２ ')).toEqual([]);
  });

  it('rejects fewer than 8 or more than 32 digits', () => {
    const error = [{ path: '', code: 'E_BANK_ACCOUNT_FORMAT', severity: 'error' }];
    expect(checkBankAccount('1234567')).toEqual(error);
    expect(checkBankAccount('1'.repeat(33))).toEqual(error);
    expect(checkBankAccount('')).toEqual(error);
  });

  it('rejects letters and other symbols', () => {
    expect(checkBankAccount('62170012345678901A')).toEqual([
      { path: '', code: 'E_BANK_ACCOUNT_FORMAT', severity: 'error' },
    ]);
    expect(checkBankAccount('6217.0012.3456')).toEqual([{ path: '', code: 'E_BANK_ACCOUNT_FORMAT', severity: 'error' }]);
  });
});
