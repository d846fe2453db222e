/**
 * Pure domain rules of yibiao (DOMAIN.md §1–5, §7): identity documents, credit
 * codes, bank accounts, phone numbers, dates, ages and reference tables.
 *
 * Browser-safe: standard JavaScript and `Intl` only, no `node:*` modules.
 */

export { checkBankAccount } from './bank-account.js';
export { addMonthsClamped, ageOn, compareDates, isRealDate, isYearMonth, todayInShanghai } from './dates.js';
export type { EthnicGroup } from './ethnic-groups.js';
export { ETHNIC_GROUPS } from './ethnic-groups.js';
export type { IdDocumentCheckOptions, IdDocumentResult, IdDocumentType, IdDocumentTypeOption } from './id-document.js';
export { checkIdDocument, ID_DOCUMENT_TYPES, isIdDocumentType } from './id-document.js';
export { luhnValid } from './luhn.js';
export {
  normalizeDigits,
  normalizeIdNumber,
  normalizeLandline,
  normalizeMobile,
  normalizeText,
} from './normalize.js';
export { isLandline, isMobile, isPostcode } from './phone.js';
export type { Problem, Severity } from './problem.js';
export type { IdNumberCheckOptions, ResidentIdResult, SexCode } from './resident-id.js';
export { checkResidentId, residentIdCheckChar } from './resident-id.js';
export type { RetirementCategory, WorkingAgeOptions } from './retirement.js';
export { checkWorkingAge, retirementAgeMonths, retirementDate } from './retirement.js';
export { checkUscc, isValidUscc, usccCheckChar } from './uscc.js';
