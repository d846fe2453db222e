/**
 * Bank card and account numbers: 代扣银行账号, 银行账号 (DOMAIN.md §4).
 */
import { luhnValid } from './luhn.js';
import { normalizeDigits } from './normalize.js';
import type { Problem } from './problem.js';

const ACCOUNT = /^\d{8,32}$/;

/**
 * Checks a bank card or account number after normalisation (NFKC, no spaces or
 * hyphens) and returns every problem (path `''`):
 *
 * - error `E_BANK_ACCOUNT_FORMAT` unless the value is 8–32 digits;
 * - warning `W_BANK_LUHN` («请核对账号») when a 16–19 digit number fails Luhn. Never an
 *   error: passbook and corporate accounts legitimately fail it.
 *
 * An empty value gives `E_BANK_ACCOUNT_FORMAT`; whether the field is required is the
 * caller's concern.
 *
 * @param value - the raw input.
 * @returns the problems; empty for a plausible account.
 * @example
 * checkBankAccount('6217001234567890123'); // [{ path: '', code: 'W_BANK_LUHN', severity: 'warning' }]
 */
export function checkBankAccount(value: string): readonly Problem[] {
  const digits = normalizeDigits(value);
  if (!ACCOUNT.test(digits)) return [{ path: '', code: 'E_BANK_ACCOUNT_FORMAT', severity: 'error' }];
  if (digits.length >= 16 && digits.length <= 19 && !luhnValid(digits)) {
    return [{ path: '', code: 'W_BANK_LUHN', severity: 'warning' }];
  }
  return [];
}
