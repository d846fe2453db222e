/**
 * Mobile and landline numbers and postal codes (DOMAIN.md §3). Each predicate
 * normalises its input first.
 */
import { normalizeDigits, normalizeLandline, normalizeMobile } from './normalize.js';

/** MIIT numbering plan, 13x–19x. */
const MOBILE = /^1[3-9]\d{9}$/;
/** Area code `0` + 2–3 digits, a 7–8 digit local number not starting 0 or 1, optional extension. */
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}(-\d{1,6})?$/;
const POSTCODE = /^\d{6}$/;

/**
 * Whether `s` is a mainland mobile number, after `normalizeMobile` (which strips
 * spaces, hyphens and a `+86`/`0086`/`86` prefix).
 *
 * @param s - the raw input.
 * @returns `true` for a mobile number.
 * @example
 * isMobile('+86 138 1234 5678'); // true
 */
export function isMobile(s: string): boolean {
  return MOBILE.test(normalizeMobile(s));
}

/**
 * Whether `s` is a landline number with area code, after `normalizeLandline`
 * (which keeps hyphens).
 *
 * @param s - the raw input.
 * @returns `true` for a landline number.
 * @example
 * isLandline('0631-5198106'); // true
 * isLandline('12345'); // false: a service number, not a subscriber number
 */
export function isLandline(s: string): boolean {
  return LANDLINE.test(normalizeLandline(s));
}

/**
 * Whether `s` is a six-digit postal code, after `normalizeDigits`.
 *
 * @param s - the raw input.
 * @returns `true` for a postal code.
 * @example
 * isPostcode('264200'); // true
 */
export function isPostcode(s: string): boolean {
  return POSTCODE.test(normalizeDigits(s));
}
