import type { Diagnostic } from '../diagnostics.js';
import type { LoadedForm } from '../load.js';
import { keywordValues } from './keyword-values.js';
import { knownKeywords } from './known-keywords.js';
import { markup } from './markup.js';
import { patterns } from './patterns.js';
import type { LintRule } from './rule.js';
import { sections } from './sections.js';
import { titles } from './titles.js';

/** Every lint rule, in the order their diagnostics are reported. */
export const LINT_RULES: readonly LintRule[] = [knownKeywords, keywordValues, sections, titles, patterns, markup];

/**
 * Runs every lint rule over a loaded form.
 *
 * @param form - the loaded files.
 * @returns all diagnostics (errors and warnings), never just the first.
 */
export function lintForm(form: LoadedForm): Diagnostic[] {
  return LINT_RULES.flatMap((rule) => rule.check({ form }));
}
