import type { FieldModel, FormModel, LocalizedText } from '../ir/types.js';
import type { CompiledForm } from './compiled-form.js';
import { formatMessage } from './i18n/messages.js';
import { fieldIndex } from './model-index.js';
import type { RawValidationError, ValidationContext, ValidationIssue, ValidationResult } from './validation-types.js';

/** Options of {@link validateData}. */
export interface ValidateOptions {
  /** Application date `YYYY-MM-DD` (Asia/Shanghai) for age and date rules; default: today. */
  readonly today?: string;
}

const COMPOSITE = new Set(['oneOf', 'anyOf']);

/** Errors ajv reports about the branches of a failed oneOf/anyOf, or the `if` wrapper, say nothing new. */
function dropNoise(errors: readonly RawValidationError[]): RawValidationError[] {
  const composites = errors.filter((e) => COMPOSITE.has(e.keyword)).map((e) => `${e.schemaPath}/`);
  // Errors inside propertyNames are about a key, not a value; the propertyNames error itself names the key.
  return errors.filter(
    (e) => e.keyword !== 'if' && !e.schemaPath.includes('/propertyNames/') && !composites.some((prefix) => e.schemaPath.startsWith(prefix)),
  );
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Where in the data an error belongs (required errors belong to the missing child). */
function issuePath(error: RawValidationError): string {
  const { params } = error;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return `${error.instancePath}/${escapePointer(params.missingProperty)}`;
  }
  return error.instancePath;
}

function sectionRuleTarget(model: FormModel, schemaPath: string): string | undefined {
  for (const rule of model.rules) {
    if (rule.kind === 'section' && schemaPath.startsWith(`${rule.schemaPath}/else`)) return rule.target;
    if (rule.kind === 'requiredIf' && schemaPath.startsWith(`${rule.schemaPath}/else`)) return rule.target;
  }
  return undefined;
}

function issueCode(model: FormModel, error: RawValidationError, field: FieldModel | undefined, isSection: boolean): string {
  const { keyword, params } = error;
  if (typeof params.code === 'string') return params.code;
  if (keyword === 'format') return `format:${String(params.format)}`;
  if (COMPOSITE.has(keyword)) {
    if (field?.kind === 'date-or-permanent') return 'format:date-or-permanent';
    return 'enum';
  }
  // A declaration checkbox (`const: true`) is ticked or not; "choose from the list" would not fit it.
  if (keyword === 'const') return field?.kind === 'checkbox' ? 'required:tick' : 'enum';
  if (keyword === 'not') {
    const rule = model.rules.find((r) => error.schemaPath.startsWith(`${r.schemaPath}/else`));
    return rule?.kind === 'section' ? 'E_SECTION_UNTICKED' : 'E_FIELD_NOT_APPLICABLE';
  }
  if (keyword === 'required') {
    if (isSection) return 'required:section';
    if (field && ['select', 'radio', 'yes-no', 'checkboxes'].includes(field.kind)) return 'required:choice';
  }
  return keyword;
}

/**
 * Turns raw ajv errors into localised issues attached to fields (each
 * message is formatted when it is first read).
 *
 * @param model - the form the errors are about (titles come from it).
 * @param raw - errors of the form's compiled validator.
 * @param severity - `error` for the validator's errors, `warning` for the context's warnings.
 */
export function toIssues(
  model: FormModel,
  raw: readonly RawValidationError[],
  severity: 'error' | 'warning',
): ValidationIssue[] {
  const index = fieldIndex(model);
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of dropNoise(raw)) {
    let path = issuePath(error);
    if (error.keyword === 'not') path = sectionRuleTarget(model, error.schemaPath) ?? path;
    const field = index.fields.get(path);
    const section = index.sections.get(path);
    const title: LocalizedText = field?.title ?? section?.title ?? index.titleOf(path);
    const code = issueCode(model, error, field, section !== undefined);
    const key = `${path}\u0000${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const params: Record<string, unknown> = { ...error.params };
    issues.push(lazyIssue({ path, code, severity, keyword: error.keyword, params }, () => formatMessage(code, title, { ...params, ...index.serviceTitles(params) })));
  }
  return issues;
}

/**
 * An issue whose message is formatted on first read, then kept. A form of
 * 1,000 fields has hundreds of errors while it is being filled in, of which
 * only the few the person has reached are shown: formatting all of them on
 * every key was ~7 % of the widget's busy time (docs/benchmarks.md, §2).
 * The getter is an own enumerable property, so `JSON.stringify`,
 * `structuredClone` and deep equality see `message` like a plain field.
 */
function lazyIssue(base: Omit<ValidationIssue, 'message'>, format: () => LocalizedText): ValidationIssue {
  let message: LocalizedText | undefined;
  return {
    path: base.path,
    code: base.code,
    severity: base.severity,
    get message(): LocalizedText {
      message ??= format();
      return message;
    },
    keyword: base.keyword,
    params: base.params,
  };
}

/**
 * Validates form data with the form's compiled validator: the one place where
 * the widget, the verifier and the CLI reach the same verdict.
 *
 * @param form - the compiled form (model + standalone validator).
 * @param data - the data to check; never mutated.
 * @param options - the application date for age and date rules.
 * @returns errors (which block submission) and warnings (which do not), localised.
 * @example
 * const { valid, errors } = validateData(shandong, data, { today: '2026-11-23' });
 */
export function validateData(form: CompiledForm, data: unknown, options: ValidateOptions = {}): ValidationResult {
  const warnings: RawValidationError[] = [];
  const context: ValidationContext = options.today === undefined ? { warnings } : { today: options.today, warnings };
  const valid = form.validate.call(context, data);
  const errors = valid ? [] : toIssues(form.model, form.validate.errors ?? [], 'error');
  return { valid, errors, warnings: toIssues(form.model, warnings, 'warning') };
}
