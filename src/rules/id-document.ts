/**
 * 证件类型 and 证件号码: the identity documents the seeds accept
 * (DOMAIN.md §1.2, §1.3, §1.4, §1.5).
 */
import { isRealDate } from './dates.js';
import { normalizeIdNumber } from './normalize.js';
import type { Problem } from './problem.js';
import type { SexCode } from './resident-id.js';
import { checkIdNumberStructure, checkResidentId, isMainlandProvinceCode } from './resident-id.js';

/** Stable ids of the 证件类型 options (DOMAIN.md §1.5). */
export type IdDocumentType =
  | 'residentId'
  | 'hkMoResidencePermit'
  | 'twResidencePermit'
  | 'foreignPermanentResidentId'
  | 'hkMoTravelPermit'
  | 'twTravelPermit'
  | 'passport';

/** One 证件类型 option with its labels. */
export interface IdDocumentTypeOption {
  readonly id: IdDocumentType;
  /** The Chinese label, used as the option text. */
  readonly zh: string;
  /** The English label. */
  readonly en: string;
}

/** The 证件类型 options in display order (DOMAIN.md §1.5). */
export const ID_DOCUMENT_TYPES: readonly IdDocumentTypeOption[] = Object.freeze([
  Object.freeze({ id: 'residentId', zh: '居民身份证', en: 'Resident identity card' }),
  Object.freeze({
    id: 'hkMoResidencePermit',
    zh: '港澳居民居住证',
    en: 'Residence permit for Hong Kong and Macao residents',
  }),
  Object.freeze({ id: 'twResidencePermit', zh: '台湾居民居住证', en: 'Residence permit for Taiwan residents' }),
  Object.freeze({
    id: 'foreignPermanentResidentId',
    zh: '外国人永久居留身份证',
    en: 'Foreign permanent resident ID card',
  }),
  Object.freeze({
    id: 'hkMoTravelPermit',
    zh: '港澳居民来往内地通行证',
    en: 'Mainland travel permit for Hong Kong and Macao residents',
  }),
  Object.freeze({ id: 'twTravelPermit', zh: '台湾居民来往大陆通行证', en: 'Mainland travel permit for Taiwan residents' }),
  Object.freeze({ id: 'passport', zh: '护照', en: 'Passport' }),
] as const);

/** The verdict on an identity-document number. */
export type IdDocumentResult =
  | {
      readonly ok: true;
      /** `YYYY-MM-DD`, for the documents whose number carries it. */
      readonly birthDate?: string;
      /** From the sequence parity, for citizen numbers and HK/Macao/Taiwan residence permits only. */
      readonly sex?: SexCode;
      /** Findings that do not block submission. */
      readonly warnings: readonly Problem[];
    }
  | {
      readonly ok: false;
      /** The first failed check. */
      readonly problem: Problem;
      /** For a 15-digit legacy citizen number: its 18-digit upgrade. */
      readonly upgrade?: string;
    };

/** Options of `checkIdDocument`. */
export interface IdDocumentCheckOptions {
  /** The application date, `YYYY-MM-DD` in Asia/Shanghai (see `todayInShanghai`). */
  readonly today: string;
  /**
   * Reject the 2017 15-character foreign permanent-resident number
   * (`E_ID_FOREIGN_PR_OLD`). Guangxi requires the 2023 version for the social
   * security card (DOMAIN.md §1.3, seed `003_…`). Default `false`.
   */
  readonly requireNewForeignPr?: boolean;
}

const GB11643_LIKE = /^\d{17}[\dX]$/;
const FOREIGN_PR_2017 = /^[A-Z]{3}\d{12}$/;
const HK_MO_TRAVEL = /^[HM]\d{8}(\d{2})?$/;
const TW_TRAVEL = /^\d{8}$/;
const PASSPORT = /^[A-Z0-9]{5,17}$/;

const IDS: ReadonlySet<string> = new Set(ID_DOCUMENT_TYPES.map((option) => option.id));

/**
 * Whether `value` is one of the `IdDocumentType` ids.
 *
 * @param value - any value.
 * @returns `true` if it is a known document type id.
 * @example
 * isIdDocumentType('passport'); // true
 */
export function isIdDocumentType(value: unknown): value is IdDocumentType {
  return typeof value === 'string' && IDS.has(value);
}

function error(code: string, params?: Problem['params']): { readonly ok: false; readonly problem: Problem } {
  const problem: Problem =
    params === undefined ? { path: '', code, severity: 'error' } : { path: '', code, severity: 'error', params };
  return { ok: false, problem };
}

/**
 * The document type a normalised number unmistakably belongs to, if any: used to
 * tell the user that they picked the wrong 证件类型 rather than that the number is
 * malformed.
 */
function detectType(id: string): IdDocumentType | undefined {
  if (FOREIGN_PR_2017.test(id)) return 'foreignPermanentResidentId';
  if (HK_MO_TRAVEL.test(id)) return 'hkMoTravelPermit';
  if (!GB11643_LIKE.test(id)) return undefined;
  const prefix = id.slice(0, 2);
  if (prefix === '81' || prefix === '82') return 'hkMoResidencePermit';
  if (prefix === '83') return 'twResidencePermit';
  if (prefix.startsWith('9')) return 'foreignPermanentResidentId';
  if (prefix === '71' || isMainlandProvinceCode(prefix)) return 'residentId';
  return undefined;
}

/** HK/Macao or Taiwan residence permit: the §1.1 structure with a fixed address code. */
function checkResidencePermit(
  id: string,
  prefixes: readonly string[],
  options: IdDocumentCheckOptions,
): IdDocumentResult {
  const structure = checkIdNumberStructure(id, { today: options.today });
  if (!structure.ok) return structure;
  if (!prefixes.includes(id.slice(0, 6))) return error('E_ID_REGION');
  return { ok: true, birthDate: structure.birthDate, sex: structure.sex, warnings: [] };
}

/** Foreign permanent-resident ID, 2017 (shape only) or 2023 version (MOD 11-2 + birth date). */
function checkForeignPermanentResidentId(id: string, options: IdDocumentCheckOptions): IdDocumentResult {
  if (FOREIGN_PR_2017.test(id)) {
    return options.requireNewForeignPr === true ? error('E_ID_FOREIGN_PR_OLD') : { ok: true, warnings: [] };
  }
  if (!id.startsWith('9')) return error('E_ID_SHAPE');
  const structure = checkIdNumberStructure(id, { today: options.today });
  if (!structure.ok) return structure;
  // Sex is deliberately not taken from the sequence parity: unconfirmed for this card (DOMAIN.md §1.3 ⚠).
  return { ok: true, birthDate: structure.birthDate, warnings: [] };
}

/**
 * Checks a 证件号码 with the rule of the chosen 证件类型, after normalisation
 * (NFKC, no spaces or hyphens, upper case). Reports the first failure; every
 * problem has path `''`.
 *
 * - `residentId`: the full check of `checkResidentId` (§1.1); a number of another
 *   document (prefix `81`/`82`/`83`/`9`, a 2017 foreign-PR or HK/Macao travel-permit
 *   number) gives `E_ID_TYPE_MISMATCH` with `params.detected`.
 * - `hkMoResidencePermit` / `twResidencePermit`: the §1.1 structure (`E_ID_SHAPE`,
 *   `E_ID_DATE`, `E_ID_CHECKSUM`), then the prefix `810000`/`820000` resp. `830000`
 *   (`E_ID_REGION`); sex from the parity.
 * - `foreignPermanentResidentId`: 2023 version (18 characters starting `9`,
 *   MOD 11-2, birth date, no sex) or 2017 version (`^[A-Z]{3}\d{12}$`, shape only;
 *   `E_ID_FOREIGN_PR_OLD` when `requireNewForeignPr`).
 * - `hkMoTravelPermit` `^[HM]\d{8}(\d{2})?$`, `twTravelPermit` `^\d{8}$`,
 *   `passport` `^[A-Z0-9]{5,17}$` (§1.4): `E_ID_SHAPE` otherwise.
 *
 * @param type - the chosen document type.
 * @param number - the raw input.
 * @param options - the application date and the foreign-PR policy.
 * @returns the birth date and sex when the number carries them, or the first problem.
 * @throws RangeError if `options.today` is not a real date.
 * @example
 * checkIdDocument('hkMoResidencePermit', '810000199408230021', { today: '2026-03-01' });
 * // { ok: true, birthDate: '1994-08-23', sex: '2', warnings: [] }
 */
export function checkIdDocument(
  type: IdDocumentType,
  number: string,
  options: IdDocumentCheckOptions,
): IdDocumentResult {
  if (!isRealDate(options.today)) throw new RangeError('options.today must be a real date in YYYY-MM-DD form');
  const id = normalizeIdNumber(number);
  if (type !== 'passport') {
    const detected = detectType(id);
    if (detected !== undefined && detected !== type) return error('E_ID_TYPE_MISMATCH', { detected });
  }
  switch (type) {
    case 'residentId':
      return checkResidentId(id, { today: options.today });
    case 'hkMoResidencePermit':
      return checkResidencePermit(id, ['810000', '820000'], options);
    case 'twResidencePermit':
      return checkResidencePermit(id, ['830000'], options);
    case 'foreignPermanentResidentId':
      return checkForeignPermanentResidentId(id, options);
    case 'hkMoTravelPermit':
      return HK_MO_TRAVEL.test(id) ? { ok: true, warnings: [] } : error('E_ID_SHAPE');
    case 'twTravelPermit':
      return TW_TRAVEL.test(id) ? { ok: true, warnings: [] } : error('E_ID_SHAPE');
    case 'passport':
      return PASSPORT.test(id) ? { ok: true, warnings: [] } : error('E_ID_SHAPE');
  }
}
