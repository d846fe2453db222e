import type { Diagnostic } from '../diagnostics.js';
import type { LoadedForm } from '../load.js';
import { forbiddenKeys, noSecrets } from './forbidden-keys.js';
import { keywordValues } from './keyword-values.js';
import { knownKeywords } from './known-keywords.js';
import { markup } from './markup.js';
import { patterns } from './patterns.js';
import type { LintRule } from './rule.js';
import { sections } from './sections.js';
import { titles } from './titles.js';

/** Every lint rule, in the order their diagnostics are reported. */
export const LINT_RULES: readonly LintRule[] = [knownKeywords, keywordValues, sections, titles, patterns, markup, noSecrets];

/**
 * Runs every lint rule over a loaded form.
 *
 * @param form - the loaded files.
 * @returns all diagnostics (errors and warnings), never just the first.
 */
export function lintForm(form: LoadedForm): Diagnostic[] {
  // Structural limits first: the other rules walk the files recursively.
  const structural = forbiddenKeys.check({ form });
  if (structural.some((d) => d.code === 'E_SCHEMA_TOO_DEEP')) return structural;
  return [...structural, ...LINT_RULES.flatMap((rule) => rule.check({ form }))];
}
