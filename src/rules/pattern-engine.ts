/**
 * The regular-expression engine compiled validators use for JSON Schema
 * `pattern` (ajv's `code.regExp`): the browser's own `RegExp`, with the `u`
 * flag. The Node validator bundle (`dist/forms/<id>/validator.js`, what the
 * verifier runs) swaps this module for `pattern-engine.re2.ts` at bundle time,
 * so the same generated code matches with RE2 there (SECURITY.md §2 ReDoS:
 * "RE2 in the verifier"). Patterns are linted to be RE2-compatible, so both
 * engines give the same verdicts (tested).
 */

/** What ajv needs of a compiled pattern. */
export interface PatternMatcher {
  test(text: string): boolean;
}

/**
 * Compiles a `pattern` with the browser's engine.
 *
 * @param source - the pattern as written in the schema.
 * @param flags - `"u"` (yibiao compiles with `unicodeRegExp`) or `""`.
 */
export function patternEngine(source: string, flags: string): PatternMatcher {
  return new RegExp(source, flags);
}
