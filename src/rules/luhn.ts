/**
 * The Luhn check (ISO/IEC 7812-1 Annex B) used by bank card numbers (DOMAIN.md §4).
 */

/**
 * Whether a digit string passes the Luhn check. The last digit is the check digit.
 *
 * @param digits - ASCII digits only (normalise first).
 * @returns `true` if the check passes; `false` for an empty string or any non-digit.
 * @example
 * luhnValid('6217001234567890122'); // true
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}
