import type { Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import type { EditableFile } from '../../../src/designer-api/types.js';
import type { Diagnostic } from '../../../src/schema/diagnostics.js';
import { locatePointer, type PointerRange } from './json-pointer-locator.js';

/** The patched file an extension's operations apply to, by the base file's name. */
const PATCH_KEY: Readonly<Record<string, string>> = { 'form.schema.json': 'schema', 'ui.json': 'ui', 'meta.json': 'meta', 'en.json': 'en' };

/** Where a diagnostic is shown in one editor tab. */
export interface Placement {
  readonly file: EditableFile;
  readonly from: number;
  readonly to: number;
}

/** The value at `pointer`, or at its nearest ancestor that exists (a missing member is reported on its parent). */
function locateNearest(text: string, pointer: string): PointerRange | undefined {
  let current = pointer;
  for (;;) {
    const range = locatePointer(text, current);
    if (range !== undefined || current === '') return range;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}

/** Marks a key, a short scalar, or the opening bracket of a container: never a whole section. */
function markOf(text: string, range: PointerRange): { from: number; to: number } {
  if (range.key !== undefined) return range.key;
  const opening = text.charAt(range.from);
  return opening === '{' || opening === '[' ? { from: range.from, to: range.from + 1 } : { from: range.from, to: range.to };
}

/** Offset of a 1-based line and column, clamped to the text. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + Math.max(0, column - 1), text.length);
}

/**
 * In an extension form, a problem of the patched document (`forms/shandong/form.schema.json + forms/weihai/extends.json`)
 * belongs to the operation that wrote that place: the one whose `path` is the longest prefix of the pointer.
 */
function extensionPointer(extendsText: string, patchKey: string, pointer: string): string {
  let operations: unknown;
  try {
    operations = (JSON.parse(extendsText) as Record<string, unknown>)[patchKey];
  } catch {
    return '';
  }
  if (!Array.isArray(operations)) return '';
  let best: { index: number; path: string; hasValue: boolean } | undefined;
  operations.forEach((op: unknown, index) => {
    if (typeof op !== 'object' || op === null) return;
    const { path, value } = op as { path?: unknown; value?: unknown };
    if (typeof path !== 'string' || !(pointer === path || pointer.startsWith(`${path}/`))) return;
    if (best === undefined || path.length >= best.path.length) best = { index, path, hasValue: value !== undefined };
  });
  if (best === undefined) return `/${patchKey}`;
  const rest = pointer.slice(best.path.length);
  return best.hasValue ? `/${patchKey}/${best.index}/value${rest}` : `/${patchKey}/${best.index}`;
}

/**
 * Places a generator diagnostic in one of the edited files: by its JSON pointer
 * (with the small locator, over the text that was compiled), by line and
 * column when it has no pointer (a JSON syntax error), and for a form declared
 * in extends.json, at the operation that patched the place.
 *
 * @param diagnostic - what `compileForm` reported.
 * @param formId - the form being edited (diagnostic files are `forms/<id>/<file>`).
 * @param texts - the edited files' texts, as compiled.
 * @returns the placement, or `undefined` when the problem is in no edited file (e.g. in forms/common).
 */
export function placeDiagnostic(diagnostic: Diagnostic, formId: string, texts: ReadonlyMap<EditableFile, string>): Placement | undefined {
  const prefix = `forms/${formId}/`;
  const parts = diagnostic.file.split(' + ');
  const first = parts[0] ?? '';
  if (parts.length > 1 && parts.at(-1) === `${prefix}extends.json`) {
    const text = texts.get('extends.json');
    const patchKey = PATCH_KEY[first.slice(first.lastIndexOf('/') + 1)];
    if (text === undefined || patchKey === undefined) return undefined;
    const range = locateNearest(text, extensionPointer(text, patchKey, diagnostic.pointer));
    return range === undefined ? undefined : { file: 'extends.json', ...markOf(text, range) };
  }
  if (!first.startsWith(prefix)) return undefined;
  const file = first.slice(prefix.length) as EditableFile;
  const text = texts.get(file);
  if (text === undefined) return undefined;
  if (diagnostic.pointer === '' && diagnostic.line !== undefined) {
    const at = offsetOf(text, diagnostic.line, diagnostic.column ?? 1);
    return { file, from: at, to: Math.min(at + 1, text.length) };
  }
  const range = locateNearest(text, diagnostic.pointer);
  return range === undefined ? { file, from: 0, to: Math.min(1, text.length) } : { file, ...markOf(text, range) };
}

/**
 * The CodeMirror lint diagnostic of a placed generator diagnostic: the
 * message in the designer's language, the fix and the pointer, built as text nodes.
 */
export function editorDiagnostic(diagnostic: Diagnostic, placement: Placement, lang: 'zh-CN' | 'en', labels: { fix: string }): EditorDiagnostic {
  const message = `${diagnostic.message[lang]} — ${labels.fix}: ${diagnostic.fix}`;
  return {
    from: placement.from,
    to: placement.to,
    severity: diagnostic.severity,
    source: diagnostic.code,
    message,
    renderMessage: () => {
      const box = document.createElement('div');
      box.className = 'lint-message';
      const head = document.createElement('div');
      head.textContent = diagnostic.message[lang];
      const where = document.createElement('div');
      where.className = 'lint-where';
      where.textContent = `${diagnostic.code} · #${diagnostic.pointer}`;
      const fix = document.createElement('div');
      fix.className = 'lint-fix';
      fix.textContent = `${labels.fix}: ${diagnostic.fix}`;
      box.append(head, where, fix);
      return box;
    },
  };
}
