/**
 * The citizen identity number (公民身份号码) of GB 11643-1999 (DOMAIN.md §1.1).
 */
import { ageOn, isRealDate } from './dates.js';
import { normalizeIdNumber } from './normalize.js';
import type { Problem } from './problem.js';

/** A sex code of GB/T 2261.1-2003 that an ID number can carry: `1` male, `2` female. */
export type SexCode = '1' | '2';

/** The verdict on a citizen identity number. */
export type ResidentIdResult =
  | {
      readonly ok: true;
      /** Positions 7–14 as `YYYY-MM-DD`. */
      readonly birthDate: string;
      /** From the parity of the 17th digit: odd `1` (male), even `2` (female). */
      readonly sex: SexCode;
      /** Findings that do not block submission (`W_ID_REGION_TW`). */
      readonly warnings: readonly Problem[];
    }
  | {
      readonly ok: false;
      /** The first failed check, in the order of DOMAIN.md §1.1. */
      readonly problem: Problem;
      /** For a 15-digit legacy number: its 18-digit upgrade, offered as a hint. */
      readonly upgrade?: string;
    };

/** The verdict on the structure shared by citizen numbers and the permits built on them. */
export type IdNumberStructureResult =
  | { readonly ok: true; readonly birthDate: string; readonly sex: SexCode }
  | { readonly ok: false; readonly problem: Problem };

/** Options of the ID-number checks. */
export interface IdNumberCheckOptions {
  /** The application date, `YYYY-MM-DD` in Asia/Shanghai (see `todayInShanghai`). */
  readonly today: string;
}

/** `Wi = 2^(18−i) mod 11` for positions 1..17. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** The check character for `Y = S mod 11`. */
const CHECK_CHARS = '10X98765432';
/** Plausibility bound of this project (DOMAIN.md §1.1, step 2). */
const MAX_AGE = 120;
const SHAPE = /^[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;
const LEGACY_15 = /^\d{15}$/;
/** Province-level codes of GB/T 2260 accepted in positions 1–2 (`71` is handled apart). */
const PROVINCES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
]);

function problem(code: string, params?: Problem['params']): Problem {
  return params === undefined
    ? { path: '', code, severity: 'error' }
    : { path: '', code, severity: 'error', params };
}

/**
 * Computes the ISO 7064 MOD 11-2 check character of a 17-digit body.
 *
 * @param body17 - exactly 17 ASCII digits.
 * @returns `'0'`–`'9'` or `'X'`.
 * @throws RangeError if `body17` is not 17 digits.
 * @example
 * residentIdCheckChar('11010519491231002'); // 'X'
 */
export function residentIdCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError('body17 must be exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(body17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/**
 * Checks the GB 11643 structure of an already normalised 18-character number —
 * shape, birth date (real, not after today, age ≤ 120) and check character — but
 * not the address code. Used by citizen numbers and by the residence permits and
 * foreign permanent-resident IDs that share the structure.
 *
 * @param value - the normalised number (see `normalizeIdNumber`).
 * @param options - the application date.
 * @returns the birth date and sex, or the first failure (`E_ID_SHAPE`,
 *   `E_ID_DATE` with `params.reason` `invalid` | `future` | `tooOld`, `E_ID_CHECKSUM`).
 * @throws RangeError if `options.today` is not a real date.
 */
export function checkIdNumberStructure(value: string, options: IdNumberCheckOptions): IdNumberStructureResult {
  if (!isRealDate(options.today)) throw new RangeError('options.today must be a real date in YYYY-MM-DD form');
  if (!SHAPE.test(value)) return { ok: false, problem: problem('E_ID_SHAPE') };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(birthDate)) return { ok: false, problem: problem('E_ID_DATE', { reason: 'invalid' }) };
  if (birthDate > options.today) return { ok: false, problem: problem('E_ID_DATE', { reason: 'future' }) };
  if (ageOn(birthDate, options.today) > MAX_AGE) {
    return { ok: false, problem: problem('E_ID_DATE', { reason: 'tooOld' }) };
  }
  if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) {
    return { ok: false, problem: problem('E_ID_CHECKSUM') };
  }
  const sex: SexCode = Number(value[16]) % 2 === 1 ? '1' : '2';
  return { ok: true, birthDate, sex };
}

/**
 * Checks a citizen identity number (公民身份号码) in the order of DOMAIN.md §1.1 and
 * reports the first failure. The input is normalised first (NFKC, no spaces or
 * hyphens, upper case).
 *
 * Order and codes: 15-digit legacy number → `E_ID_LEGACY15` (with `upgrade` when the
 * upgraded number is itself valid); shape → `E_ID_SHAPE`; birth date → `E_ID_DATE`;
 * check character → `E_ID_CHECKSUM`; positions 1–2 not a province → `E_ID_REGION`;
 * `71` (Taiwan) → warning `W_ID_REGION_TW`. All problems have path `''`.
 *
 * @param value - the raw input.
 * @param options - the application date.
 * @returns the birth date, sex and warnings, or the first problem.
 * @throws RangeError if `options.today` is not a real date.
 * @example
 * checkResidentId('11010519491231002X', { today: '2026-03-01' });
 * // { ok: true, birthDate: '1949-12-31', sex: '2', warnings: [] }
 */
export function checkResidentId(value: string, options: IdNumberCheckOptions): ResidentIdResult {
  const id = normalizeIdNumber(value);
  if (!isRealDate(options.today)) throw new RangeError('options.today must be a real date in YYYY-MM-DD form');
  if (LEGACY_15.test(id)) {
    // First-generation numbers always mean the 1900s: insert "19", then add the check character.
    const body = `${id.slice(0, 6)}19${id.slice(6)}`;
    const candidate = `${body}${residentIdCheckChar(body)}`;
    const legacy = problem('E_ID_LEGACY15');
    // Offer only an upgrade that would itself be accepted, never a hint that leads to another error.
    return checkResidentId(candidate, options).ok
      ? { ok: false, problem: legacy, upgrade: candidate }
      : { ok: false, problem: legacy };
  }
  const structure = checkIdNumberStructure(id, options);
  if (!structure.ok) return structure;
  const province = id.slice(0, 2);
  if (province === '71') {
    return {
      ok: true,
      birthDate: structure.birthDate,
      sex: structure.sex,
      warnings: [{ path: '', code: 'W_ID_REGION_TW', severity: 'warning' }],
    };
  }
  if (!PROVINCES.has(province)) return { ok: false, problem: problem('E_ID_REGION') };
  return { ok: true, birthDate: structure.birthDate, sex: structure.sex, warnings: [] };
}

/**
 * Whether positions 1–2 of a citizen number are a mainland province-level code
 * (`11–15, 21–23, 31–37, 41–46, 50–54, 61–65`), DOMAIN.md §1.1 step 4.
 *
 * @param code2 - two digits.
 * @returns `true` for a mainland province code (`71` is not one).
 */
export function isMainlandProvinceCode(code2: string): boolean {
  return PROVINCES.has(code2);
}
