/**
 * Input normalisation applied before every check (DOMAIN.md, "Conventions used
 * throughout"). Every function accepts any string and never throws.
 */

/**
 * Dash-like characters that Chinese IMEs and copy-paste produce instead of
 * U+002D: U+2010–U+2015 (hyphen … horizontal bar) and U+2212 (minus sign).
 * NFKC already maps the full-width `－` (U+FF0D) to `-`, but not these.
 */
const DASHES = /[\u2010-\u2015\u2212]/g;

/** Whitespace plus zero-width characters that survive copy-paste from web pages and PDFs. */
const SPACES = /[\s\u200B-\u200D\u2060]/g;

/** Spaces, zero-width characters, `-` and dash-like characters. */
const SPACES_AND_HYPHENS = /[\s\u200B-\u200D\u2060\-\u2010-\u2015\u2212]/g;

/**
 * Normalises free text: Unicode NFKC, then trims.
 *
 * @param s - the raw input.
 * @returns the normalised text.
 * @example
 * normalizeText('  张三 '); // '张三'
 */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').trim();
}

/**
 * Normalises an identity-document number: NFKC, removes all whitespace and hyphens,
 * upper-cases letters (`x` → `X`).
 *
 * @param s - the raw input.
 * @returns the normalised number (possibly still invalid).
 * @example
 * normalizeIdNumber('１１０１０５ １９４９１２３１ ００２ｘ'); // '11010519491231002X'
 */
export function normalizeIdNumber(s: string): string {
  return s.normalize('NFKC').replace(SPACES_AND_HYPHENS, '').toUpperCase();
}

/**
 * Normalises a digit string such as a bank account: NFKC, removes all whitespace
 * and hyphens. Letters are kept so that a later format check can reject them.
 *
 * @param s - the raw input.
 * @returns the normalised string.
 * @example
 * normalizeDigits('6217 0012 3456 7890 122'); // '6217001234567890122'
 */
export function normalizeDigits(s: string): string {
  return s.normalize('NFKC').replace(SPACES_AND_HYPHENS, '');
}

/**
 * Normalises a mobile number: NFKC, removes whitespace and hyphens, then strips a
 * leading `+86`, `0086` or `86` when exactly 11 digits remain (DOMAIN.md §3).
 *
 * @param s - the raw input.
 * @returns the normalised number (possibly still invalid).
 * @example
 * normalizeMobile('+86 138-1234-5678'); // '13812345678'
 */
export function normalizeMobile(s: string): string {
  const compact = normalizeDigits(s);
  const match = /^(?:\+86|0086|86)(\d{11})$/.exec(compact);
  return match?.[1] ?? compact;
}

/**
 * Normalises a landline number: NFKC, trims, removes spaces, keeps hyphens
 * (DOMAIN.md §3). Dash-like characters from IMEs become `-`.
 *
 * @param s - the raw input.
 * @returns the normalised number (possibly still invalid).
 * @example
 * normalizeLandline(' ０６３１－５１９８１０６ '); // '0631-5198106'
 */
export function normalizeLandline(s: string): string {
  return s.normalize('NFKC').trim().replace(SPACES, '').replace(DASHES, '-');
}
