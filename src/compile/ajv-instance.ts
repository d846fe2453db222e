import { Ajv, type Options } from 'ajv';
import { yibiaoAjvPlugin } from '../ajv/plugin.js';
import { RULES_BINDING, rulesMember } from '../ajv/problem-keyword.js';
import { patternEngine } from '../rules/pattern-engine.js';
import { compactEnumKeyword } from './compact-enum.js';

/** ajv options every yibiao validator is compiled with. */
export const AJV_OPTIONS: Options = {
  allErrors: true,
  passContext: true,
  strict: true,
  strictRequired: false,
  strictTypes: false,
  allowUnionTypes: true,
  ownProperties: true,
  unicodeRegExp: true,
  messages: false,
};

/**
 * ajv's `code.regExp`: `pattern` is compiled by the rules module's
 * `patternEngine` — the browser's RegExp in the widget, RE2 in the Node
 * validator bundle the verifier runs (see `src/rules/pattern-engine.ts`).
 */
const PATTERN_ENGINE = Object.assign((source: string, flags: string) => patternEngine(source, flags), {
  code: `${RULES_BINDING}.patternEngine`,
});

/**
 * An ajv instance with yibiao's plugin, configured for standalone ESM code
 * whose formats and keyword functions come from the `yibiaoRules` import.
 *
 * @param standalone - emit source for standalone modules.
 */
export function createAjv(standalone: boolean): Ajv {
  const ajv = new Ajv({
    ...AJV_OPTIONS,
    code: standalone
      ? { source: true, esm: true, lines: false, optimize: true, formats: rulesMember('formats'), regExp: PATTERN_ENGINE }
      : { optimize: true },
  });
  yibiaoAjvPlugin(ajv);
  ajv.addKeyword(compactEnumKeyword);
  return ajv;
}
