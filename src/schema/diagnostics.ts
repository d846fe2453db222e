import type { LocalizedText } from '../ir/types.js';

/**
 * One problem found in a form's files. Checks of designer input return every
 * diagnostic, not just the first (STYLE.md §3 "Errors are values").
 */
export interface Diagnostic {
  /** Stable code, e.g. `E_SCHEMA_UNKNOWN_KEYWORD`. */
  readonly code: string;
  readonly severity: 'error' | 'warning';
  /** Path of the file, relative to the project root where possible. */
  readonly file: string;
  /** JSON pointer into that file ('' for the whole document). */
  readonly pointer: string;
  /** 1-based line and column of the pointer in the file, when known. */
  readonly line?: number;
  readonly column?: number;
  readonly message: LocalizedText;
  /** What to change to fix it. */
  readonly fix: string;
}

/** Thrown when a form cannot be built; carries every diagnostic. */
export class FormBuildError extends Error {
  readonly code = 'ERR_FORM_INVALID';
  readonly diagnostics: readonly Diagnostic[];

  constructor(formId: string, diagnostics: readonly Diagnostic[]) {
    super(`form "${formId}" has ${diagnostics.length} problem(s):\n${diagnostics.map((d) => formatDiagnostic(d)).join('\n')}`);
    this.name = 'FormBuildError';
    this.diagnostics = diagnostics;
  }
}

/**
 * Formats a diagnostic for a terminal: `file:line:col pointer — message (fix: …)`.
 *
 * @param d - the diagnostic.
 * @param lang - message language.
 */
export function formatDiagnostic(d: Diagnostic, lang: 'zh-CN' | 'en' = 'en'): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  return `${d.severity === 'error' ? 'error' : 'warning'} ${d.code} ${where} #${d.pointer} — ${d.message[lang]}\n    fix: ${d.fix}`;
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins a pointer and a segment. */
export function childPointer(pointer: string, segment: string | number): string {
  return `${pointer}/${pointerSegment(segment)}`;
}
