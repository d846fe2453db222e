/**
 * The verifier's `pattern` engine: RE2 (the pure-JS port `re2js`), which
 * matches in time linear in the input whatever the pattern, so a hostile
 * submission cannot stall the department's server even if a
 * backtracking-prone pattern slipped past the lint. Swapped in for
 * `pattern-engine.ts` when the Node validator bundle is built
 * (`src/compile/write-form.ts`); never shipped in the widget.
 */
import { RE2JS } from 're2js';
import type { PatternMatcher } from './pattern-engine.js';

/**
 * Compiles a `pattern` with RE2. JavaScript syntax (`\d`, `\uXXXX`, `[^…]`)
 * is translated first; a pattern RE2 cannot express (look-around,
 * back-references) throws, which the schema lint reports at build time.
 *
 * @param source - the pattern as written in the schema.
 * @param _flags - ignored: RE2 always matches by code point.
 */
export function patternEngine(source: string, _flags: string): PatternMatcher {
  const compiled = RE2JS.compile(RE2JS.translateRegExp(source));
  return { test: (text: string) => compiled.matcher(text).find() };
}

/** Whether RE2 can compile `source`; the reason when it cannot. */
export function re2Compatible(source: string): { ok: true } | { ok: false; reason: string } {
  try {
    RE2JS.compile(RE2JS.translateRegExp(source));
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
