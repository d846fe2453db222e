/**
 * The contract between a compiled (ajv standalone) validator and everything that
 * uses it: the widget, the verifier, the CLI and the rjsf parity tests.
 */
import type { LocalizedText } from '../ir/types.js';

/** An error object as ajv produces it (subset we rely on). */
export interface RawValidationError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/**
 * Context passed as `this` to a compiled validator (ajv `passContext`).
 * Custom keywords read `today` for age and date rules and push warnings.
 */
export interface ValidationContext {
  /** The application date, `YYYY-MM-DD` in Asia/Shanghai. */
  readonly today?: string;
  /** Filled by custom keywords with problems that do not block submission. */
  readonly warnings?: RawValidationError[];
}

/** An ajv standalone validate function compiled with yibiao's plugin. */
export interface CompiledValidateFunction {
  // biome-ignore lint/suspicious/noConfusingVoidType: `this` is void when the validator is called as a plain function (rjsf, ajv).
  (this: ValidationContext | undefined | void, data: unknown): boolean;
  errors?: readonly RawValidationError[] | null;
}

/** One problem, localised, attached to a field by its data path. */
export interface ValidationIssue {
  /** JSON pointer of the field in the form data ('' for the form itself). */
  readonly path: string;
  /** Stable code, e.g. `required`, `format:cn-mobile`, `E_ID_CHECKSUM`. */
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: LocalizedText;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** The verdict on one data object. */
export interface ValidationResult {
  readonly valid: boolean;
  readonly errors: readonly ValidationIssue[];
  readonly warnings: readonly ValidationIssue[];
}
