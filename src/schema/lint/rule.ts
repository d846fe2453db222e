import type { Diagnostic } from '../diagnostics.js';
import type { LoadedForm, SourceFile } from '../load.js';

/** What a lint rule sees: the loaded files of one form. */
export interface LintContext {
  readonly form: LoadedForm;
}

/** A lint rule: a stable code and a pure check returning every problem it finds. */
export interface LintRule {
  readonly code: string;
  check(context: LintContext): Diagnostic[];
}

/** Builds a diagnostic located in a file by JSON pointer (line/column filled in when known). */
export function diagnosticAt(
  source: SourceFile,
  pointer: string,
  fields: Pick<Diagnostic, 'code' | 'message' | 'fix'> & { severity?: Diagnostic['severity'] },
): Diagnostic {
  const position = source.positions.get(pointer);
  return {
    severity: fields.severity ?? 'error',
    code: fields.code,
    file: source.file,
    pointer,
    ...(position ? { line: position.line, column: position.column } : {}),
    message: fields.message,
    fix: fields.fix,
  };
}
