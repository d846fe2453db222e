import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FormModel } from '../ir/types.js';
import type { CompiledForm, FormRegistry } from '../runtime/compiled-form.js';
import type { CompiledValidateFunction } from '../runtime/validation-types.js';

/**
 * A registry of the compiled forms under `dist/forms/` (run `npm run build`
 * first): each form's model and its standalone validator, loaded once.
 *
 * @param distForms - the `dist/forms` directory.
 */
export function builtFormRegistry(distForms: string): FormRegistry {
  const cache = new Map<string, Promise<CompiledForm | undefined>>();
  const load = async (id: string): Promise<CompiledForm | undefined> => {
    if (!/^[a-z][a-z0-9-]*$/.test(id)) return undefined;
    const dir = path.join(distForms, id);
    try {
      const model = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as FormModel;
      const module = (await import(pathToFileURL(path.join(dir, 'validator.js')).href)) as { validate: CompiledValidateFunction };
      return { model, validate: module.validate };
    } catch {
      return undefined;
    }
  };
  return {
    get(formId) {
      let entry = cache.get(formId);
      if (!entry) {
        entry = load(formId);
        cache.set(formId, entry);
      }
      return entry;
    },
  };
}
