import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtFormRegistry } from '../../src/cli/form-registry.js';
import type { CompiledForm } from '../../src/runtime/compiled-form.js';

/** The project root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** An example file of `forms/<id>/examples/{valid,invalid}/*.json`. */
export interface Example {
  readonly file: string;
  readonly kind: 'valid' | 'invalid';
  readonly description?: string;
  readonly rule?: string;
  readonly date: string;
  readonly data: unknown;
  readonly expect?: readonly { path: string; keyword: string; code?: string }[];
}

/** Ids of the forms that have a directory under forms/. */
export function formIds(): string[] {
  return readdirSync(path.join(ROOT, 'forms'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'common')
    .map((e) => e.name)
    .sort();
}

/** Every example of a form. */
export function examples(formId: string): Example[] {
  const out: Example[] = [];
  for (const kind of ['valid', 'invalid'] as const) {
    const dir = path.join(ROOT, 'forms', formId, 'examples', kind);
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    } catch {
      continue;
    }
    for (const file of files) {
      const body = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Omit<Example, 'file' | 'kind'>;
      out.push({ ...body, file: `${kind}/${file}`, kind });
    }
  }
  return out;
}

const registry = builtFormRegistry(path.join(ROOT, 'dist', 'forms'));

/** The built form (run `npm run build` first). */
export async function builtForm(formId: string): Promise<CompiledForm> {
  const form = await registry.get(formId);
  if (!form) throw new Error(`dist/forms/${formId} is missing — run \`npm run build\` first`);
  return form;
}
