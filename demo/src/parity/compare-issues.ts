import type { ValidationIssue } from '../../../src/runtime/validation-types.js';

/** One place where the two validators disagree. */
export interface Disagreement {
  readonly path: string;
  readonly code: string;
  /** Which side reported it. */
  readonly only: 'ours' | 'rjsf';
  readonly issue: ValidationIssue;
}

/** The comparison of two verdicts on the same data. */
export interface Parity {
  readonly ours: { readonly valid: boolean; readonly count: number };
  readonly rjsf: { readonly valid: boolean; readonly count: number };
  /** Issues both report (same path and code). */
  readonly agreed: number;
  readonly disagreements: readonly Disagreement[];
}

const keyOf = (issue: ValidationIssue) => `${issue.path}\u0000${issue.code}`;

/**
 * Compares the compiled validator's errors with rjsf's, both already turned
 * into issues by the runtime's `toIssues` (so both say `enum` for a closed
 * list, whether it was compiled as `yibiaoEnum` or checked as `oneOf`), by
 * data path and code.
 *
 * @param ours - errors of the compiled (standalone) validator.
 * @param rjsf - errors of @rjsf/validator-ajv8 with the plugin.
 */
export function compareIssues(ours: readonly ValidationIssue[], rjsf: readonly ValidationIssue[]): Parity {
  const theirs = new Map(rjsf.map((i) => [keyOf(i), i]));
  const mine = new Map(ours.map((i) => [keyOf(i), i]));
  const disagreements: Disagreement[] = [
    ...[...mine].filter(([key]) => !theirs.has(key)).map(([, issue]): Disagreement => ({ path: issue.path, code: issue.code, only: 'ours', issue })),
    ...[...theirs].filter(([key]) => !mine.has(key)).map(([, issue]): Disagreement => ({ path: issue.path, code: issue.code, only: 'rjsf', issue })),
  ].sort((a, b) => a.path.localeCompare(b.path) || a.code.localeCompare(b.code));
  return {
    ours: { valid: ours.length === 0, count: mine.size },
    rjsf: { valid: rjsf.length === 0, count: theirs.size },
    agreed: [...mine.keys()].filter((key) => theirs.has(key)).length,
    disagreements,
  };
}
