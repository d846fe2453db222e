import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import type { CompiledArtefacts } from './compile-form.js';
import { componentEntry, needsDivisions, usesDivisionKeyword } from './component.js';
import { englishPartModule, splitEnglish } from './english-part.js';
import { fieldRenderersModule } from './field-renderers.js';
import type { ProjectPaths } from './paths.js';
import { type ModuleSizes, moduleSizes, totalSizes } from './sizes.js';
import { type WidgetPart, widgetParts } from './widget-parts.js';

/** A written file of the widget with its sizes and its Subresource Integrity hash. */
export interface WrittenPart extends WidgetPart {
  readonly sizes: ModuleSizes;
  /** `sha384-…` of the file's bytes. */
  readonly integrity: string;
}

/** Files written for one form, with the embeddable module's sizes. */
export interface WrittenForm {
  readonly schemaFile: string;
  readonly modelFile: string;
  readonly validatorFile: string;
  /** `widget/dist/<id>.js`, the module a page loads. */
  readonly widgetFile: string;
  /** `widget/dist/<id>/parts.json`: every file of the widget (see {@link WrittenPart}). */
  readonly partsFile: string;
  /** What a first load costs: the entry plus its eager parts, each compressed on its own and summed. */
  readonly sizes: ModuleSizes;
  /** The entry, its eager parts and its lazy parts. */
  readonly parts: readonly WrittenPart[];
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

/** One module swap: `specifier` imported by `importer` resolves to `target` instead. */
interface ImportSwap {
  readonly importer: string;
  readonly specifier: string;
  readonly target: string;
}

/** An esbuild plugin that applies {@link ImportSwap}s (the same source, built for another place). */
function swapImports(name: string, swaps: readonly ImportSwap[]): Plugin {
  return {
    name,
    setup(b) {
      for (const swap of swaps) {
        const filter = new RegExp(`^${swap.specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
        b.onResolve({ filter }, (args) => (path.resolve(args.importer) === path.resolve(swap.importer) ? { path: swap.target } : undefined));
      }
    },
  };
}

/**
 * In a widget whose division tree is a lazy part: the validator's
 * `yibiaoDivision` (imported by the rules runtime) is the runtime's
 * `lazy/division-keyword.ts`, which reads the tree once it is loaded; and
 * the static import of the tree by `src/rules/division-keyword.ts` (whose
 * `divisionProblems` that keyword calls) gets an empty tree, so that the only
 * way to the tree is the entry's `import()`. esbuild splits by module, so a
 * static import anywhere would make the tree an eager part.
 */
function lazyDivisionKeyword(paths: ProjectPaths): Plugin {
  const rules = path.dirname(paths.rulesRuntime);
  return swapImports('yibiao-lazy-divisions', [
    { importer: paths.rulesRuntime, specifier: './division-keyword.js', target: path.join(paths.runtimeLazy, 'division-keyword.ts') },
    { importer: path.join(rules, 'division-keyword.ts'), specifier: './divisions/data.js', target: path.join(paths.runtimeLazy, 'no-divisions.ts') },
  ]);
}

/** The runtime's field renderer modules: `src/runtime/fields/`. */
function runtimeFields(paths: ProjectPaths): string {
  return path.join(path.dirname(paths.runtimeLazy), 'fields');
}

/**
 * In a widget: `render-field.ts` gets the form's own renderer table
 * (`dist/forms/<id>/renderers.js`, written by {@link writeForm} with
 * `fieldRenderersModule`), so the renderers of kinds the form does not use
 * are left out of its bundle.
 */
function formRenderers(paths: ProjectPaths, id: string): Plugin {
  const fields = runtimeFields(paths);
  const target = path.join(paths.distForms, id, 'renderers.js');
  return swapImports('yibiao-form-renderers', [{ importer: path.join(fields, 'render-field.ts'), specifier: './renderers.js', target }]);
}

/**
 * In the Node validator bundle (`dist/forms/<id>/validator.js`, what the
 * verifier and the CLI run): the rules runtime's `./pattern-engine.js` is
 * `pattern-engine.re2.ts`, so `pattern` matches with RE2 in linear time
 * (SECURITY.md §2 ReDoS). The widget keeps the browser's RegExp.
 */
function re2PatternEngine(paths: ProjectPaths): Plugin {
  const target = path.join(path.dirname(paths.rulesRuntime), 'pattern-engine.re2.ts');
  return swapImports('yibiao-re2-patterns', [{ importer: paths.rulesRuntime, specifier: './pattern-engine.js', target }]);
}

/** `widget/dist` relative to the project root, as esbuild names outputs. */
function widgetOutdir(paths: ProjectPaths): string {
  return path.relative(paths.root, paths.widgetDist).split(path.sep).join('/') || '.';
}

/**
 * The esbuild options of a form's widget build (also used by the bench's size
 * breakdown): `dist/forms/<id>/entry.js` (written by {@link writeForm})
 * bundled, minified and split — the entry `widget/dist/<id>.js`, its chunks in
 * `widget/dist/<id>/` with content-hashed names — with a metafile.
 *
 * @param paths - project paths.
 * @param id - the form id.
 * @param lazyTree - whether the form carries the division tree (as a lazy part).
 */
export function widgetBuildOptions(paths: ProjectPaths, id: string, lazyTree: boolean): BuildOptions & { metafile: true } {
  return {
    ...BUNDLE,
    platform: 'browser',
    absWorkingDir: paths.root,
    entryPoints: [{ in: path.join(paths.distForms, id, 'entry.js'), out: id }],
    outdir: widgetOutdir(paths),
    splitting: true,
    entryNames: '[name]',
    chunkNames: `${id}/[name]-[hash]`,
    // Module scripts are always UTF-8: Chinese text as is, not as \uXXXX escapes.
    charset: 'utf8',
    metafile: true,
    plugins: [formRenderers(paths, id), ...(lazyTree ? [lazyDivisionKeyword(paths)] : [])],
  };
}

const sha384 = (bytes: Uint8Array) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * Writes a compiled form's artefacts:
 * `dist/forms/<id>/{schema.json, model.json, validator.js}` (the validator is
 * bundled with its rules, self-contained, for Node and the designer) and the
 * widget: `widget/dist/<id>.js`, the ES module a page loads, which defines
 * the element, and its parts in `widget/dist/<id>/` — content-hashed chunks
 * it imports statically (eager) or on first need with `import()` (lazy:
 * signing, drafts, files, the division tree) — listed with their SRI hashes
 * in `widget/dist/<id>/parts.json`.
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
  const entryFile = path.join(dir, 'entry.js');
  await writeFile(schemaFile, `${JSON.stringify(artefacts.schema, null, 2)}\n`);
  await writeFile(modelFile, `${JSON.stringify(model, null, 2)}\n`);
  await writeFile(validatorSourceFile, artefacts.validator);
  const validatorBundle = await build({
    ...BUNDLE,
    minify: false,
    entryPoints: [validatorSourceFile],
    platform: 'neutral',
    mainFields: ['module', 'main'],
    plugins: [re2PatternEngine(paths)],
  });
  await writeFile(validatorFile, validatorBundle.outputFiles[0]?.contents ?? new Uint8Array());
  const tree = needsDivisions(model) || usesDivisionKeyword(artefacts.validator);
  const lazy = paths.runtimeLazy;
  // The validator's lazy part: a module of its own, so that its chunk is named `validator-part-<hash>.js`.
  const validatorPartFile = path.join(dir, 'validator-part.js');
  await writeFile(path.join(dir, 'renderers.js'), fieldRenderersModule(model, path.join(runtimeFields(paths), 'renderers.ts')));
  await writeFile(validatorPartFile, `export { validate } from ${JSON.stringify(`./${path.basename(validatorSourceFile)}`)};\n`);
  // The English texts of the model: a lazy part, loaded for an English page or when idle.
  const split = splitEnglish(model);
  const englishPartFile = path.join(dir, 'english-part.js');
  await writeFile(englishPartFile, englishPartModule(split.english));
  await writeFile(
    entryFile,
    componentEntry(
      split.model,
      {
        lazyEnglish: { part: englishPartFile, loader: path.join(lazy, 'english.ts') },
        defineForm: paths.runtimeDefineForm,
        validator: validatorPartFile,
        divisions: paths.divisions,
        lazyDivisions: path.join(lazy, 'divisions.ts'),
        lazyValidator: path.join(lazy, 'validator.ts'),
      },
      tree,
    ),
  );
  const outdir = widgetOutdir(paths);
  const widget = await build({ ...widgetBuildOptions(paths, model.id, tree), write: false });
  const entryOut = `${outdir === '.' ? '' : `${outdir}/`}${model.id}.js`;
  const partsDir = path.join(paths.widgetDist, model.id);
  await rm(partsDir, { recursive: true, force: true });
  const bytesOf = new Map(widget.outputFiles.map((f) => [path.relative(paths.widgetDist, f.path).split(path.sep).join('/'), f.contents]));
  const parts: WrittenPart[] = [];
  for (const part of widgetParts(widget.metafile, entryOut, outdir)) {
    const bytes = bytesOf.get(part.file) ?? new Uint8Array();
    const file = path.join(paths.widgetDist, part.file);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    parts.push({ ...part, sizes: moduleSizes(bytes), integrity: sha384(bytes) });
  }
  const partsFile = path.join(partsDir, 'parts.json');
  await mkdir(partsDir, { recursive: true });
  await writeFile(
    partsFile,
    `${JSON.stringify({ form: model.id, parts: parts.map(({ file, load, integrity, sizes }) => ({ file, load, integrity, bytes: sizes.min, brotli: sizes.brotli })) }, null, 2)}\n`,
  );
  return {
    schemaFile,
    modelFile,
    validatorFile,
    widgetFile: path.join(paths.widgetDist, `${model.id}.js`),
    partsFile,
    sizes: totalSizes(parts.filter((p) => p.load !== 'lazy').map((p) => p.sizes)),
    parts,
  };
}
