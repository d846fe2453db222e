import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import type { CompiledArtefacts } from './compile-form.js';
import { componentEntry } from './component.js';
import type { ProjectPaths } from './paths.js';
import { type ModuleSizes, moduleSizes } from './sizes.js';

/** Files written for one form, with the embeddable module's sizes. */
export interface WrittenForm {
  readonly schemaFile: string;
  readonly modelFile: string;
  readonly validatorFile: string;
  readonly widgetFile: string;
  readonly sizes: ModuleSizes;
}

const BUNDLE = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  sourcemap: false,
  write: false,
  logLevel: 'silent',
  define: { 'process.env.NODE_ENV': '"production"' },
} as const;

/**
 * Writes a compiled form's artefacts:
 * `dist/forms/<id>/{schema.json, model.json, validator.js}` (the validator is
 * bundled with its rules, self-contained, for Node and the designer) and
 * `widget/dist/<id>.js`, one self-contained ES module defining the element.
 *
 * @param paths - project paths.
 * @param artefacts - what {@link compileForm} returned.
 */
export async function writeForm(paths: ProjectPaths, artefacts: CompiledArtefacts): Promise<WrittenForm> {
  const { model } = artefacts;
  const dir = path.join(paths.distForms, model.id);
  await mkdir(dir, { recursive: true });
  await mkdir(paths.widgetDist, { recursive: true });
  const schemaFile = path.join(dir, 'schema.json');
  const modelFile = path.join(dir, 'model.json');
  const validatorSourceFile = path.join(dir, 'validator.source.js');
  const validatorFile = path.join(dir, 'validator.js');
  await writeFile(schemaFile, `${JSON.stringify(artefacts.schema, null, 2)}\n`);
  await writeFile(modelFile, `${JSON.stringify(model, null, 2)}\n`);
  await writeFile(validatorSourceFile, artefacts.validator);
  const validatorBundle = await build({
    ...BUNDLE,
    minify: false,
    entryPoints: [validatorSourceFile],
    platform: 'neutral',
    mainFields: ['module', 'main'],
  });
  await writeFile(validatorFile, validatorBundle.outputFiles[0]?.contents ?? new Uint8Array());
  const widget = await build({
    ...BUNDLE,
    platform: 'browser',
    stdin: {
      contents: componentEntry(model, { defineForm: paths.runtimeDefineForm, validator: validatorSourceFile, divisions: paths.divisions }),
      resolveDir: paths.root,
      sourcefile: `${model.id}.entry.js`,
      loader: 'js',
    },
  });
  const code = widget.outputFiles[0]?.contents ?? new Uint8Array();
  const widgetFile = path.join(paths.widgetDist, `${model.id}.js`);
  await writeFile(widgetFile, code);
  return { schemaFile, modelFile, validatorFile, widgetFile, sizes: moduleSizes(code) };
}
