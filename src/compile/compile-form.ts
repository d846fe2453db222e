import { buildModel } from '../ir/build.js';
import { englishFor } from '../ir/passes/english.js';
import type { FormModel } from '../ir/types.js';
import { readCommonEnglish } from '../schema/common-english.js';
import type { Diagnostic } from '../schema/diagnostics.js';
import { lintForm } from '../schema/lint/index.js';
import { patterns } from '../schema/lint/patterns.js';
import { loadForm } from '../schema/load.js';
import { bundleSchema, stripAnnotations } from '../schema/resolve-refs.js';
import { schemaHash } from './hash.js';
import type { ProjectPaths } from './paths.js';
import { validatorSource } from './validators.js';

/** What compiling one form yields. */
export interface CompiledArtefacts {
  /** The published bundled schema (what is hashed, compiled, and given to rjsf). */
  readonly schema: Record<string, unknown>;
  readonly model: FormModel;
  /** Source of the standalone validator module (imports the rules runtime). */
  readonly validator: string;
}

/** The outcome: artefacts when there is no error, and every diagnostic either way. */
export interface CompileResult {
  readonly id: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly artefacts?: CompiledArtefacts;
}

const hasError = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');

/**
 * Runs the generator's passes for one form: load → lint → bundle `$ref`s →
 * hash → typed model → standalone validator. Nothing is written.
 *
 * @param paths - project paths.
 * @param id - the form id.
 * @param rulesImport - module specifier the validator uses for the rules runtime.
 */
export async function compileForm(paths: ProjectPaths, id: string, rulesImport: string): Promise<CompileResult> {
  const loaded = await loadForm(paths.root, paths.forms, id);
  if (!loaded.ok) return { id, diagnostics: loaded.diagnostics };
  const { form } = loaded;
  const diagnostics: Diagnostic[] = lintForm(form);
  if (hasError(diagnostics)) return { id, diagnostics };
  const bundled = await bundleSchema(form, paths.common);
  diagnostics.push(...bundled.diagnostics);
  if (!bundled.schema || hasError(diagnostics)) return { id, diagnostics };
  // Patterns that come from forms/common are checked too, in the bundled schema.
  const bundledPatterns = patterns
    .check({ form: { ...form, schema: { ...form.schema, file: `${form.schema.file} (bundled with forms/common)`, data: bundled.schema, positions: new Map() } } })
    .filter((d) => !diagnostics.some((own) => own.code === d.code && own.pointer === d.pointer));
  diagnostics.push(...bundledPatterns);
  if (hasError(diagnostics)) return { id, diagnostics };
  const schema = stripAnnotations(bundled.schema);
  const commonEn = await readCommonEnglish(paths);
  if (!commonEn.ok) return { id, diagnostics: [...diagnostics, ...commonEn.diagnostics] };
  const { model, diagnostics: modelDiagnostics } = buildModel({
    id,
    schema: bundled.schema,
    ui: (form.ui?.data ?? {}) as Record<string, unknown>,
    meta: form.meta.data as Record<string, unknown>,
    english: englishFor(form.en?.data, commonEn.data),
    schemaHash: schemaHash(schema),
    files: { schema: form.schema.file, en: form.en?.file ?? `forms/${id}/i18n/en.json`, meta: form.meta.file },
  });
  diagnostics.push(...modelDiagnostics);
  if (hasError(diagnostics)) return { id, diagnostics };
  const validator = validatorSource(schema, rulesImport, form.schema.file);
  if (!validator.ok) return { id, diagnostics: [...diagnostics, ...validator.diagnostics] };
  return { id, diagnostics, artefacts: { schema, model, validator: validator.code } };
}
