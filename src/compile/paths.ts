import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where things live, relative to a project root. */
export interface ProjectPaths {
  readonly root: string;
  readonly forms: string;
  readonly common: string;
  /** Compiled forms for Node (verifier, CLI): `dist/forms/<id>/`. */
  readonly distForms: string;
  /** Embeddable modules: `widget/dist/<id>.js`. */
  readonly widgetDist: string;
  readonly runtimeDefineForm: string;
  /** The runtime's lazy parts (`withLazyValidator`, `withDivisions`, …): `src/runtime/lazy/`. */
  readonly runtimeLazy: string;
  readonly rulesRuntime: string;
  /** The generated 省/市/县 tree module (scripts/generate-divisions.mjs). */
  readonly divisions: string;
}

/** The project root this file belongs to (src/compile/ → ../..), or the bundled CLI's (dist/ → ..). */
export function defaultRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.basename(here) === 'dist' ? path.resolve(here, '..') : path.resolve(here, '..', '..');
}

/** Paths of a project. */
export function projectPaths(root: string = defaultRoot()): ProjectPaths {
  return {
    root,
    forms: path.join(root, 'forms'),
    common: path.join(root, 'forms', 'common'),
    distForms: path.join(root, 'dist', 'forms'),
    widgetDist: path.join(root, 'widget', 'dist'),
    runtimeDefineForm: path.join(root, 'src', 'runtime', 'define-form.ts'),
    runtimeLazy: path.join(root, 'src', 'runtime', 'lazy'),
    rulesRuntime: path.join(root, 'src', 'rules', 'runtime.ts'),
    divisions: path.join(root, 'src', 'rules', 'divisions', 'data.ts'),
  };
}

/** Ids of the forms under `forms/` (every directory but `common`), sorted. */
export async function listForms(paths: ProjectPaths): Promise<string[]> {
  const entries = await readdir(paths.forms, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && e.name !== 'common' && /^[a-z][a-z0-9-]*$/.test(e.name))
    .map((e) => e.name)
    .sort();
}
