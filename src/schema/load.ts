import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'json-source-map';
import type { Diagnostic } from './diagnostics.js';
import { applyExtension, parseExtension } from './extend.js';

/** A JSON file with the source position of every JSON pointer in it. */
export interface SourceFile {
  /** Path relative to the project root (for messages). */
  readonly file: string;
  /** Absolute path. */
  readonly absolute: string;
  readonly data: unknown;
  readonly positions: ReadonlyMap<string, { line: number; column: number }>;
}

/** The files of one form, parsed but not yet checked. */
export interface LoadedForm {
  readonly id: string;
  readonly dir: string;
  readonly schema: SourceFile;
  readonly ui: SourceFile | undefined;
  readonly meta: SourceFile;
  readonly en: SourceFile | undefined;
  /** The base form, when this one is declared as an extension (forms/<id>/extends.json). */
  readonly extends?: string;
}

/** Result of loading: the form, or the diagnostics that stopped it. */
export type LoadResult = { ok: true; form: LoadedForm } | { ok: false; diagnostics: Diagnostic[] };

function relative(root: string, file: string): string {
  return path.relative(root, file) || file;
}

/**
 * Reads and parses a JSON file, keeping the position of every pointer.
 * A syntax error becomes a diagnostic with its line and column.
 *
 * @param root - project root, for relative file names in diagnostics.
 * @param absolute - the file.
 */
export async function readJsonFile(root: string, absolute: string): Promise<SourceFile | Diagnostic> {
  const file = relative(root, absolute);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch {
    return {
      code: 'E_FILE_MISSING',
      severity: 'error',
      file,
      pointer: '',
      message: { 'zh-CN': `找不到文件 ${file}`, en: `${file} does not exist or cannot be read` },
      fix: `create ${file}`,
    };
  }
  try {
    const { data, pointers } = parse(text);
    const positions = new Map<string, { line: number; column: number }>();
    for (const [pointer, mapping] of Object.entries(pointers)) {
      positions.set(pointer, { line: mapping.value.line + 1, column: mapping.value.column + 1 });
    }
    return { file, absolute, data, positions };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /position (\d+)/.exec(message);
    const offset = match ? Number(match[1]) : 0;
    const before = text.slice(0, offset).split('\n');
    return {
      code: 'E_JSON_SYNTAX',
      severity: 'error',
      file,
      pointer: '',
      line: before.length,
      column: (before.at(-1)?.length ?? 0) + 1,
      message: { 'zh-CN': `${file} 不是有效的 JSON：${message}`, en: `${file} is not valid JSON: ${message}` },
      fix: 'fix the JSON syntax at that line (a missing comma, quote or bracket is the usual cause)',
    };
  }
}

function isDiagnostic(value: SourceFile | Diagnostic): value is Diagnostic {
  return 'code' in value;
}

/**
 * Loads `forms/<id>/`: form.schema.json, meta.json, ui.json and i18n/en.json.
 *
 * @param root - project root.
 * @param formsDir - the `forms/` directory.
 * @param id - form id (directory name).
 */
export async function loadForm(root: string, formsDir: string, id: string, seen: readonly string[] = []): Promise<LoadResult> {
  const dir = path.join(formsDir, id);
  const extensionFile = path.join(dir, 'extends.json');
  if (existsSync(extensionFile)) return loadExtension(root, formsDir, id, extensionFile, seen);
  const [schema, meta, ui, en] = await Promise.all([
    readJsonFile(root, path.join(dir, 'form.schema.json')),
    readJsonFile(root, path.join(dir, 'meta.json')),
    readJsonFile(root, path.join(dir, 'ui.json')),
    readJsonFile(root, path.join(dir, 'i18n', 'en.json')),
  ]);
  const diagnostics = [schema, meta, ui, en].filter(isDiagnostic);
  if (diagnostics.length > 0 || isDiagnostic(schema) || isDiagnostic(meta) || isDiagnostic(ui) || isDiagnostic(en)) {
    return { ok: false, diagnostics };
  }
  return { ok: true, form: { id, dir, schema, meta, ui, en } };
}

/**
 * Loads a form declared as an extension: its base form (itself possibly an
 * extension), patched with the differences in extends.json.
 */
async function loadExtension(root: string, formsDir: string, id: string, file: string, seen: readonly string[]): Promise<LoadResult> {
  const source = await readJsonFile(root, file);
  if (isDiagnostic(source)) return { ok: false, diagnostics: [source] };
  const parsed = parseExtension(source);
  if (!parsed.ok) return parsed;
  const baseId = parsed.extension.extends;
  if (baseId === id || seen.includes(baseId)) {
    return {
      ok: false,
      diagnostics: [
        {
          code: 'E_EXTENDS_CYCLE',
          severity: 'error',
          file: source.file,
          pointer: '/extends',
          message: { 'zh-CN': `表单扩展形成循环：${[...seen, id, baseId].join(' → ')}`, en: `forms extend each other in a cycle: ${[...seen, id, baseId].join(' → ')}` },
          fix: 'extend a form that does not extend this one',
        },
      ],
    };
  }
  const base = await loadForm(root, formsDir, baseId, [...seen, id]);
  if (!base.ok) return base;
  return applyExtension(base.form, parsed.extension, source, id, path.join(formsDir, id));
}
