import path from 'node:path';
import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { cjsDefault } from '../ajv/cjs-default.js';
import { isRecord } from '../types/is-record.js';
import type { Diagnostic } from './diagnostics.js';
import type { LoadedForm, SourceFile } from './load.js';

const { applyPatch, validate: validatePatch } = cjsDefault(fastJsonPatch);

/** The four files a form has; an extension patches each with RFC 6902 operations. */
export const PATCHABLE = ['schema', 'ui', 'meta', 'en'] as const;
type Patchable = (typeof PATCHABLE)[number];

/** `forms/<id>/extends.json`: a form declared as its base plus its differences. */
export interface Extension {
  readonly extends: string;
  readonly patches: Partial<Record<Patchable, readonly Operation[]>>;
}


/**
 * Reads the shape of an extends.json.
 *
 * @returns the extension, or diagnostics naming the pointer that is wrong.
 */
export function parseExtension(source: SourceFile): { ok: true; extension: Extension } | { ok: false; diagnostics: Diagnostic[] } {
  const data = source.data;
  const problem = (pointer: string, en: string, zh: string, fix: string): Diagnostic => ({
    code: 'E_EXTENDS_INVALID',
    severity: 'error',
    file: source.file,
    pointer,
    ...source.positions.get(pointer),
    message: { 'zh-CN': zh, en },
    fix,
  });
  if (!isRecord(data) || typeof data.extends !== 'string' || !/^[a-z][a-z0-9-]*$/.test(data.extends)) {
    return { ok: false, diagnostics: [problem('/extends', 'extends.json must name its base form', 'extends.json 须指明所扩展的表单', 'write {"extends": "<base form id>", "schema": [ …RFC 6902 operations… ]}')] };
  }
  const diagnostics: Diagnostic[] = [];
  const patches: Partial<Record<Patchable, readonly Operation[]>> = {};
  for (const key of PATCHABLE) {
    const ops = data[key];
    if (ops === undefined) continue;
    if (!Array.isArray(ops)) {
      diagnostics.push(problem(`/${key}`, `"${key}" must be an array of JSON Patch operations`, `“${key}”须为 JSON Patch 操作数组`, 'use [{"op": "replace", "path": "/…", "value": …}, …] (RFC 6902)'));
      continue;
    }
    const error = validatePatch(ops as Operation[]);
    if (error) {
      diagnostics.push(problem(`/${key}/${error.index ?? 0}`, `invalid JSON Patch operation: ${error.message}`, `JSON Patch 操作无效：${error.message}`, 'each operation needs "op" (add, remove, replace, move, copy, test) and "path" (a JSON pointer)'));
      continue;
    }
    patches[key] = ops as Operation[];
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, extension: { extends: data.extends, patches } };
}

function patchFile(base: SourceFile, ops: readonly Operation[] | undefined, extensionFile: SourceFile, key: Patchable, formDir: string): SourceFile | Diagnostic {
  if (!ops || ops.length === 0) return base;
  const document = structuredClone(base.data);
  for (const [index, op] of ops.entries()) {
    try {
      applyPatch(document, [op], true, true);
    } catch (error) {
      const pointer = `/${key}/${index}`;
      return {
        code: 'E_EXTENDS_PATCH',
        severity: 'error',
        file: extensionFile.file,
        pointer,
        ...extensionFile.positions.get(pointer),
        message: {
          'zh-CN': `第${index + 1}个 ${key} 补丁无法应用于 ${base.file}：${(error as Error).message.split('\n')[0]}`,
          en: `${key} operation ${index} does not apply to ${base.file}: ${(error as Error).message.split('\n')[0]}`,
        },
        fix: `check that ${op.path} exists in ${base.file} (for "add", that its parent exists) and that a "test" operation's value matches`,
      };
    }
  }
  // Positions refer to the base file, which no longer matches; diagnostics keep the pointer only.
  return { file: `${base.file} + ${extensionFile.file}`, absolute: path.join(formDir, path.basename(base.absolute)), data: document, positions: new Map() };
}

/**
 * Applies an extension's patches to its base form, giving the complete form.
 * A patch that does not apply names the extends.json pointer of the operation.
 *
 * @param base - the loaded base form.
 * @param extension - the parsed extends.json.
 * @param extensionFile - extends.json itself (for diagnostics).
 * @param id - the extending form's id.
 * @param dir - the extending form's directory.
 */
export function applyExtension(base: LoadedForm, extension: Extension, extensionFile: SourceFile, id: string, dir: string): { ok: true; form: LoadedForm } | { ok: false; diagnostics: Diagnostic[] } {
  const files: Partial<Record<Patchable, SourceFile | undefined>> = { schema: base.schema, ui: base.ui, meta: base.meta, en: base.en };
  const diagnostics: Diagnostic[] = [];
  const out: Partial<Record<Patchable, SourceFile>> = {};
  for (const key of PATCHABLE) {
    const file = files[key];
    if (!file) continue;
    const patched = patchFile(file, extension.patches[key], extensionFile, key, dir);
    if ('code' in patched) diagnostics.push(patched);
    else out[key] = patched;
  }
  if (diagnostics.length > 0 || !out.schema || !out.meta) return { ok: false, diagnostics };
  return { ok: true, form: { id, dir, schema: out.schema, meta: out.meta, ui: out.ui, en: out.en, extends: base.id } };
}
