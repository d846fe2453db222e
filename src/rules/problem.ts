/**
 * The result type shared by every domain rule in `src/rules/`.
 *
 * Rules return problems as values (STYLE.md §3, "Errors are values"); they never
 * echo the checked value in `params`, because validation messages must not leak
 * personal data (DOMAIN.md §11.5).
 */

/** How a problem affects submission: an `error` blocks it, a `warning` does not (DOMAIN.md, conventions). */
export type Severity = 'error' | 'warning';

/**
 * One finding of a rule.
 *
 * `path` is a JSON pointer RELATIVE to the value the rule was given
 * (`''` = the value itself, `'/idNumber'` = a child). The caller prefixes it with the
 * field's own pointer.
 */
export interface Problem {
  /** JSON pointer relative to the checked value. */
  readonly path: string;
  /** Stable code, e.g. `E_ID_CHECKSUM` or `W_BANK_LUHN`. */
  readonly code: string;
  /** Whether the problem blocks submission. */
  readonly severity: Severity;
  /** Values for the localised message; never the checked value itself. */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}
