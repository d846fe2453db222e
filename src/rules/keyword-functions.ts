/**
 * The functions behind yibiao's custom JSON Schema keywords.
 *
 * A schema declares a rule as data (`"yibiaoIdDocument": {"number": "idNumber", …}`);
 * the ajv plugin compiles the keyword into a call of the function of the same
 * name here, in the widget, the verifier and rjsf alike. Each function is pure:
 * (the data at the keyword, the keyword's value, the validation context) → problems.
 * Problem paths are relative to the data at the keyword.
 */
import { checkBankAccount } from './bank-account.js';
import { compareDates, isRealDate, isYearMonth, todayInShanghai } from './dates.js';
import { checkIdDocument, type IdDocumentType, isIdDocumentType } from './id-document.js';
import type { Problem } from './problem.js';
import { checkWorkingAge } from './retirement.js';

/** What the validator passes as `this` (see runtime/validation-types.ts). */
export interface KeywordContext {
  readonly today?: string;
}

type Data = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringAt(data: Data, key: string | undefined): string | undefined {
  if (key === undefined || !Object.hasOwn(data, key)) return undefined;
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function todayOf(context: KeywordContext | undefined): string {
  const today = context?.today;
  return typeof today === 'string' && isRealDate(today) ? today : todayInShanghai();
}

function pointerTo(segment: string): string {
  return `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function at(path: string, problem: Problem): Problem {
  return { ...problem, path: path + problem.path };
}

/** Value of `yibiaoIdDocument`: which sibling properties hold the document and what it must agree with. */
export interface IdDocumentRule {
  readonly number: string;
  readonly type?: string;
  readonly defaultType?: IdDocumentType;
  readonly sex?: string;
  readonly birth?: string;
  readonly requireNewForeignPr?: boolean;
}

interface Person {
  readonly birthDate?: string;
  readonly sex?: '1' | '2';
}

function readPerson(data: Data, rule: IdDocumentRule, today: string): { person: Person; problems: Problem[] } {
  const number = stringAt(data, rule.number);
  if (number === undefined) return { person: {}, problems: [] };
  const type = stringAt(data, rule.type) ?? rule.defaultType ?? 'residentId';
  // An unknown 证件类型 is the enum check's error; there is no rule to check the number against.
  if (!isIdDocumentType(type)) return { person: {}, problems: [] };
  const options = rule.requireNewForeignPr === undefined ? { today } : { today, requireNewForeignPr: rule.requireNewForeignPr };
  const result = checkIdDocument(type, number, options);
  const path = pointerTo(rule.number);
  if (!result.ok) return { person: {}, problems: [at(path, result.problem)] };
  const person: Person = {
    ...(result.birthDate === undefined ? {} : { birthDate: result.birthDate }),
    ...(result.sex === undefined ? {} : { sex: result.sex }),
  };
  return { person, problems: result.warnings.map((w) => at(path, w)) };
}

/**
 * `yibiaoIdDocument`: the document number is valid for its type (GB 11643 check
 * digit, permit prefixes, foreign PR formats), and 性别 / 出生年月 agree with it.
 * A contradiction is an error on the field that disagrees; nothing is overwritten.
 */
export function yibiaoIdDocument(data: unknown, rule: IdDocumentRule, context?: KeywordContext): Problem[] {
  if (!isObject(data)) return [];
  const { person, problems } = readPerson(data, rule, todayOf(context));
  const sex = stringAt(data, rule.sex);
  if (rule.sex !== undefined && person.sex !== undefined && sex !== undefined && (sex === '1' || sex === '2') && sex !== person.sex) {
    problems.push({ path: pointerTo(rule.sex), code: 'E_ID_SEX_MISMATCH', severity: 'error' });
  }
  const birth = stringAt(data, rule.birth);
  if (rule.birth !== undefined && person.birthDate !== undefined && birth !== undefined) {
    // A malformed 出生年月 is the format check's error; only a well-formed one can contradict the ID.
    const encoded = isYearMonth(birth) ? person.birthDate.slice(0, 7) : isRealDate(birth) ? person.birthDate : undefined;
    if (encoded !== undefined && birth !== encoded) problems.push({ path: pointerTo(rule.birth), code: 'E_ID_BIRTH_MISMATCH', severity: 'error' });
  }
  return problems;
}

/** Value of `yibiaoAgeGate`: where the person is and the bounds the seed sets. */
export interface AgeGateRule extends IdDocumentRule {
  /** Property of the data holding the person object. */
  readonly person: string;
  readonly min: number;
  readonly retirement: 'error' | 'warning' | 'none';
}

/**
 * `yibiaoAgeGate`: age at the application date ≥ `min`, and below the
 * statutory retirement age (2025 schedule, lenient bound when the category is
 * unknown — DOMAIN.md §7.3). Placed in the `then` of a service's condition.
 */
export function yibiaoAgeGate(data: unknown, rule: AgeGateRule, context?: KeywordContext): Problem[] {
  if (!isObject(data)) return [];
  const personData = data[rule.person];
  if (!isObject(personData)) return [];
  const today = todayOf(context);
  const { person } = readPerson(personData, rule, today);
  let birthDate = person.birthDate;
  if (birthDate === undefined && rule.birth !== undefined) {
    const birth = stringAt(personData, rule.birth);
    if (birth !== undefined && isRealDate(birth)) birthDate = birth;
    else if (birth !== undefined && isYearMonth(birth)) birthDate = `${birth}-01`;
  }
  if (birthDate === undefined) return [];
  const declaredSex = stringAt(personData, rule.sex);
  const sex = person.sex ?? (declaredSex === '1' || declaredSex === '2' ? declaredSex : undefined);
  const target = `${pointerTo(rule.person)}${pointerTo(rule.number)}`;
  return checkWorkingAge({ birthDate, sex, today, min: rule.min, retirement: rule.retirement }).map((p) => at(target, p));
}

/** Value of `yibiaoDateOrder`: two sibling date properties. */
export interface DateOrderRule {
  readonly from: string;
  readonly to: string;
  /** A value of `to` meaning "no end" (长期). */
  readonly permanent?: string;
  /** `to` must not be before the application date. */
  readonly toNotPast?: boolean;
  /** Warn when the span is not 5, 10 or 20 years (居民身份证法 art. 5). */
  readonly spanWarning?: boolean;
}

/** `yibiaoDateOrder`: `from` is before `to`; optionally `to` has not passed. */
export function yibiaoDateOrder(data: unknown, rule: DateOrderRule, context?: KeywordContext): Problem[] {
  if (!isObject(data)) return [];
  const from = stringAt(data, rule.from);
  const to = stringAt(data, rule.to);
  if (to === undefined || to === rule.permanent || !isRealDate(to)) return [];
  const problems: Problem[] = [];
  const toPath = pointerTo(rule.to);
  if (from !== undefined && isRealDate(from) && compareDates(from, to) >= 0) {
    problems.push({ path: toPath, code: 'E_DATE_ORDER', severity: 'error', params: { other: rule.from } });
  }
  if (rule.toNotPast === true && compareDates(to, todayOf(context)) < 0) {
    problems.push({ path: toPath, code: 'E_DATE_PAST', severity: 'error' });
  }
  if (rule.spanWarning === true && from !== undefined && isRealDate(from) && problems.length === 0) {
    const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
    if (to.slice(4) !== from.slice(4) || ![5, 10, 20].includes(years)) {
      problems.push({ path: toPath, code: 'W_DATE_SPAN', severity: 'warning' });
    }
  }
  return problems;
}

/** `yibiaoNotFuture: true` on a date string: not after the application date. */
export function yibiaoNotFuture(data: unknown, rule: boolean, context?: KeywordContext): Problem[] {
  if (rule !== true || typeof data !== 'string' || !isRealDate(data)) return [];
  return compareDates(data, todayOf(context)) > 0 ? [{ path: '', code: 'E_DATE_FUTURE', severity: 'error' }] : [];
}

/** `yibiaoBankAccount: true` on an account string: format error, Luhn warning (DOMAIN.md §4). */
export function yibiaoBankAccount(data: unknown, rule: boolean): Problem[] {
  if (rule !== true || typeof data !== 'string' || data === '') return [];
  // The format error is reported by `format: bank-account`; only the warning is added here.
  return checkBankAccount(data).filter((p) => p.severity === 'warning');
}

/** `yibiaoExclusive: [[a, b], …]` on the services array: at most one of each pair. */
export function yibiaoExclusive(data: unknown, rule: readonly (readonly [string, string])[]): Problem[] {
  if (!Array.isArray(data)) return [];
  const ticked = new Set(data.filter((v): v is string => typeof v === 'string'));
  return rule
    .filter(([a, b]) => ticked.has(a) && ticked.has(b))
    .map(([a, b]) => ({ path: '', code: 'E_EXCLUSIVE', severity: 'error' as const, params: { a, b } }));
}

/** Value of `yibiaoPrerequisite` (at the form root). */
export interface PrerequisiteRule {
  readonly service: string;
  readonly requires: readonly string[];
  /** Property of the data at the keyword holding `true` when the applicant declares the prerequisites already met. */
  readonly declaredBy?: string;
  /** JSON pointer under the data to that declaration, when nested (e.g. `/contributionDeclaration/alreadyInsured`). */
  readonly declaredAt?: string;
  readonly servicesKey?: string;
}

function pointerGet(data: unknown, pointer: string): unknown {
  let current: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * `yibiaoPrerequisite`: a service needs others ticked now, unless the
 * applicant declares them already done.
 */
export function yibiaoPrerequisite(data: unknown, rule: PrerequisiteRule): Problem[] {
  if (!isObject(data)) return [];
  const servicesKey = rule.servicesKey ?? 'services';
  const services = data[servicesKey];
  if (!Array.isArray(services) || !services.includes(rule.service)) return [];
  if (rule.declaredAt !== undefined && pointerGet(data, rule.declaredAt) === true) return [];
  return rule.requires
    .filter((required) => !services.includes(required))
    .map((missing) => ({
      path: pointerTo(servicesKey),
      code: 'E_PREREQUISITE',
      severity: 'error' as const,
      params: { service: rule.service, missing },
    }));
}
