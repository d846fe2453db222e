import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { listForms, type ProjectPaths } from '../compile/paths.js';
import type { LocalizedText } from '../ir/types.js';
import { loadForm } from '../schema/load.js';
import { isRecord } from '../schema/walk.js';
import { EDITABLE_FILES, type FormExample, type FormList, type FormSource, type FormSummary, type SourceText } from './types.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The picker entry of one form: its titles in both languages (after extends.json is applied). */
async function summarise(paths: ProjectPaths, id: string): Promise<FormSummary> {
  const loaded = await loadForm(paths.root, paths.forms, id);
  if (!loaded.ok) return { id, title: { 'zh-CN': id, en: id } };
  const { form } = loaded;
  const schema = isRecord(form.schema.data) ? form.schema.data : {};
  const en = isRecord(form.en?.data) ? form.en.data : {};
  const zh = text(schema.title) ?? id;
  const title: LocalizedText = { 'zh-CN': zh, en: text(en.title) ?? zh };
  return form.extends === undefined ? { id, title } : { id, title, extends: form.extends };
}

/** Every definition of the shared dictionary as the `$ref` a form writes. */
async function commonRefs(paths: ProjectPaths): Promise<string[]> {
  const files = (await readdir(paths.common)).filter((f) => f.endsWith('.schema.json')).sort();
  const refs: string[] = [];
  for (const file of files) {
    try {
      const data: unknown = JSON.parse(await readFile(path.join(paths.common, file), 'utf8'));
      const definitions = isRecord(data) && isRecord(data.definitions) ? Object.keys(data.definitions) : [];
      for (const name of definitions) refs.push(`../common/${file}#/definitions/${name}`);
    } catch {
      // A dictionary file that does not parse offers no completions; `yibiao lint` reports it.
    }
  }
  return refs;
}

/**
 * The forms under `forms/` for the picker, with their titles, and the shared
 * dictionary's definitions for `$ref` completion.
 *
 * @param paths - the project's paths.
 */
export async function listDesignerForms(paths: ProjectPaths): Promise<FormList> {
  const ids = await listForms(paths);
  const forms = await Promise.all(ids.map((id) => summarise(paths, id)));
  return { forms, commonRefs: await commonRefs(paths) };
}

async function readExamples(dir: string): Promise<FormExample[]> {
  const out: FormExample[] = [];
  for (const kind of ['valid', 'invalid'] as const) {
    const folder = path.join(dir, 'examples', kind);
    if (!existsSync(folder)) continue;
    const files = (await readdir(folder)).filter((f) => f.endsWith('.json')).sort();
    for (const file of files) {
      try {
        const body: unknown = JSON.parse(await readFile(path.join(folder, file), 'utf8'));
        if (!isRecord(body)) continue;
        out.push({ ...(body as Omit<FormExample, 'file' | 'kind'>), file: `${kind}/${file}`, kind });
      } catch {
        // An example that does not parse is the example test's to report, not the designer's.
      }
    }
  }
  return out;
}

/**
 * The editable files of `forms/<id>/` (those present) as text, and its examples.
 *
 * @param paths - the project's paths.
 * @param id - a form id (already checked against `FORM_ID`).
 * @returns the source, or `undefined` when the form does not exist.
 */
export async function readFormSource(paths: ProjectPaths, id: string): Promise<FormSource | undefined> {
  const dir = path.join(paths.forms, id);
  if (id === 'common' || !existsSync(dir)) return undefined;
  const files: SourceText[] = [];
  for (const file of EDITABLE_FILES) {
    const absolute = path.join(dir, file);
    if (existsSync(absolute)) files.push({ path: file, text: await readFile(absolute, 'utf8') });
  }
  return { id, files, examples: await readExamples(dir) };
}
