/**
 * Hostile forms: the minimal form of tests/helpers/temp-project.ts changed by
 * a test, compiled (and, when a test needs the module, bundled with the real
 * `writeForm`) in a throw-away project under the system's temp directory.
 */
import { existsSync, lstatSync, readFileSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { type CompileResult, compileForm } from '../../src/compile/compile-form.js';
import type { ProjectPaths } from '../../src/compile/paths.js';
import { writeForm } from '../../src/compile/write-form.js';
import type { FormModel } from '../../src/ir/types.js';
import type { CompiledValidateFunction } from '../../src/runtime/validation-types.js';
import type { Diagnostic } from '../../src/schema/diagnostics.js';
import { ROOT } from '../helpers/forms.js';
import { minimalForm, tempProject } from '../helpers/temp-project.js';

/** The four files of a form, as `minimalForm()` returns them. */
export type FormFiles = ReturnType<typeof minimalForm>;

/** A throw-away project with the minimal form changed by `mutate` (a string replaces the schema file verbatim). */
export function hostileProject(mutate: (form: FormFiles) => unknown): ProjectPaths {
  const form = minimalForm();
  const replaced = mutate(form);
  return tempProject(typeof replaced === 'string' ? { ...form, schema: replaced } : form);
}

/** Deletes a throw-away project made by {@link hostileProject}. */
export function removeProject(paths: ProjectPaths): void {
  if (!paths.root.startsWith(tmpdir())) throw new Error(`not a throw-away project: ${paths.root}`);
  // The link to this checkout's node_modules (buildInto) goes first, on its own: never followed.
  const link = path.join(paths.root, 'node_modules');
  if (existsSync(link) && lstatSync(link).isSymbolicLink()) unlinkSync(link);
  rmSync(paths.root, { recursive: true, force: true });
}

/** Compiles the minimal form changed by `mutate` in a throw-away project, deleted afterwards (nothing is written). */
export async function compileHostile(mutate: (form: FormFiles) => unknown): Promise<CompileResult> {
  const paths = hostileProject(mutate);
  try {
    return await compileForm(paths, 'test', paths.rulesRuntime);
  } finally {
    removeProject(paths);
  }
}

/** The one diagnostic with `code`; fails (printing all of them) when there is not exactly one. */
export function only(diagnostics: readonly Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  expect(found, JSON.stringify(diagnostics, null, 2)).toHaveLength(1);
  return found[0] as Diagnostic;
}

/** A form built into a throw-away project: its validator loaded, its module's source and path. */
export interface HostileBuild {
  readonly model: FormModel;
  readonly validate: CompiledValidateFunction;
  readonly widgetFile: string;
  readonly widgetCode: string;
  /** The module and every part it loads (the English texts are a lazy part), one after another. */
  readonly partsCode: string;
}

/**
 * Builds a form's artefacts with the real `writeForm` into a throw-away
 * project (never into this checkout's `dist/` or `widget/dist/`), and loads
 * the standalone validator. `node_modules` is linked so that esbuild resolves
 * Lit and ajv's runtime helpers as in a real build.
 *
 * @param compiled - a successful `compileForm` result, possibly with an edited model.
 * @param paths - the throw-away project it was compiled in.
 * @param runtime - `stub`: the module's `defineForm` is `tests/security/fixtures/define-form-stub.ts`,
 *   so the module imports in Node without a DOM; `real`: the shipped runtime.
 */
export async function buildInto(
  compiled: NonNullable<CompileResult['artefacts']>,
  paths: ProjectPaths,
  runtime: 'stub' | 'real',
): Promise<HostileBuild> {
  try {
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(paths.root, 'node_modules'), 'dir');
  } catch {
    // already linked by an earlier build in the same project
  }
  const out: ProjectPaths = {
    ...paths,
    distForms: path.join(paths.root, 'dist', 'forms'),
    widgetDist: path.join(paths.root, 'widget', 'dist', runtime),
    runtimeDefineForm: runtime === 'stub' ? path.join(ROOT, 'tests', 'security', 'fixtures', 'define-form-stub.ts') : paths.runtimeDefineForm,
  };
  const written = await writeForm(out, compiled);
  const validator = (await import(pathToFileURL(written.validatorFile).href)) as { validate: CompiledValidateFunction };
  return {
    model: compiled.model,
    validate: validator.validate,
    widgetFile: written.widgetFile,
    widgetCode: readFileSync(written.widgetFile, 'utf8'),
    partsCode: written.parts.map((part) => readFileSync(path.join(out.widgetDist, part.file), 'utf8')).join('\n'),
  };
}

