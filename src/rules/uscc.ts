/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015 (DOMAIN.md §2).
 */
import { normalizeIdNumber } from './normalize.js';
import type { Problem } from './problem.js';

/** The 31 symbols of GB 32100 (no I, O, Z, S, V); a symbol's index is its value. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** `Wi = 3^(i−1) mod 31` for positions 1..17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const BODY = /^[0-9A-HJ-NPQRTUWXY]{17}$/;
/** GB 11714 organisation-code weights for its 8 body characters. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * Computes the GB 32100 check character of a 17-character body:
 * `C18 = 31 − (Σ Ci·Wi mod 31)`, 31 → `0`.
 *
 * @param body17 - 17 characters of the GB 32100 character set.
 * @returns the check character.
 * @throws RangeError if `body17` is not 17 characters of the character set.
 * @example
 * usccCheckChar('91350100M000100Y4'); // '3'
 */
export function usccCheckChar(body17: string): string {
  if (!BODY.test(body17)) throw new RangeError('body17 must be 17 characters of the GB 32100 character set');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CHARSET.indexOf(body17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

/**
 * Whether a unified social credit code is valid: shape and check character, after
 * normalisation (NFKC, no spaces or hyphens, upper case).
 *
 * @param code - the raw input.
 * @returns `true` for a valid code.
 * @example
 * isValidUscc('92530102MA6K0Q7B1D'); // true
 * isValidUscc('92530102MA6K0Q7B1E'); // false
 */
export function isValidUscc(code: string): boolean {
  const value = normalizeIdNumber(code);
  return SHAPE.test(value) && usccCheckChar(value.slice(0, 17)) === value[17];
}

/** The GB 11714 check character of the organisation code in positions 9–17, or `undefined` if it has no valid body. */
function orgCodeCheckChar(body8: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    // GB 11714 values: 0–9 are themselves, A–Z are 10–35.
    const value = Number.parseInt(body8[i] ?? '', 36);
    if (Number.isNaN(value)) return undefined;
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Checks a unified social credit code and returns every problem (path `''`):
 * error `E_USCC_SHAPE` or `E_USCC_CHECKSUM`, and, for a valid code, the optional
 * warning `W_USCC_ORG_CODE` when positions 9–17 fail the GB 11714 check.
 *
 * @param code - the raw input.
 * @returns the problems; empty for a valid code.
 * @example
 * checkUscc('91350100M000100Y43'); // []
 */
export function checkUscc(code: string): readonly Problem[] {
  const value = normalizeIdNumber(code);
  if (!SHAPE.test(value)) return [{ path: '', code: 'E_USCC_SHAPE', severity: 'error' }];
  if (usccCheckChar(value.slice(0, 17)) !== value[17]) {
    return [{ path: '', code: 'E_USCC_CHECKSUM', severity: 'error' }];
  }
  if (orgCodeCheckChar(value.slice(8, 16)) !== value[16]) {
    return [{ path: '', code: 'W_USCC_ORG_CODE', severity: 'warning' }];
  }
  return [];
}
