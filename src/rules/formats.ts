/**
 * The string formats yibiao schemas use, as ajv format definitions.
 *
 * The same objects are registered by the ajv plugin at build time and, in the
 * standalone validators, referenced as `yibiaoRules.formats[name]`, so the
 * widget, the verifier and rjsf run one implementation.
 *
 * Formats accept only the normalised spelling (the widget normalises on blur
 * and before signing, DOMAIN.md "Input normalisation"), so a signed payload
 * carries one spelling per value: `13812345678`, never `+86 138 1234 5678`.
 */
import { checkBankAccount } from './bank-account.js';
import { isRealDate, isYearMonth, todayInShanghai } from './dates.js';
import { normalizeDigits, normalizeIdNumber, normalizeLandline, normalizeMobile } from './normalize.js';
import { isLandline, isMobile, isPostcode } from './phone.js';
import { checkResidentId } from './resident-id.js';
import { isValidUscc } from './uscc.js';

/** An ajv format definition for strings. */
export interface StringFormat {
  readonly type: 'string';
  readonly validate: (value: string) => boolean;
}

const format = (validate: (value: string) => boolean): StringFormat => ({ type: 'string', validate });
/** Accepts a value only when it is already in its normalised spelling and passes the check. */
const normalised = (normalize: (value: string) => string, check: (value: string) => boolean) =>
  format((value) => value === normalize(value) && check(value));

/** Every format name a yibiao schema may use, with its check. */
export const formats: Readonly<Record<string, StringFormat>> = {
  date: format(isRealDate),
  'year-month': format(isYearMonth),
  'cn-mobile': normalised(normalizeMobile, isMobile),
  'cn-landline': normalised(normalizeLandline, isLandline),
  'cn-phone': format((v) => (v === normalizeMobile(v) && isMobile(v)) || (v === normalizeLandline(v) && isLandline(v))),
  'cn-postcode': normalised(normalizeDigits, isPostcode),
  'cn-uscc': normalised(normalizeIdNumber, isValidUscc),
  'bank-account': normalised(normalizeDigits, (v) => !checkBankAccount(v).some((p) => p.severity === 'error')),
  // A format has no application date; the full check (date not after the
  // application date) runs in the yibiaoIdDocument keyword.
  'cn-resident-id': normalised(normalizeIdNumber, (v) => checkResidentId(v, { today: todayInShanghai() }).ok),
};

/** Names of the formats above, for the linter. */
export const FORMAT_NAMES: readonly string[] = Object.keys(formats);
