/**
 * One page per (renderer, form), each renderer bundled with esbuild (minified,
 * production React) with the form inlined, served from the scratch directory (`node_modules/.cache/yibiao-bench/site/`):
 * `/p/<renderer>/<form>.html` loads `/p/<renderer>/<form>.js`. No inline
 * script anywhere, so the same pages run under `script-src 'self'`.
 */
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { needsDivisions, usesDivisionKeyword } from '../../src/compile/component.js';
import { projectPaths } from '../../src/compile/paths.js';
import { widgetParts } from '../../src/compile/widget-parts.js';
import { widgetBuildOptions } from '../../src/compile/write-form.js';
import type { RendererId } from '../browser/harness.js';
import { BENCH, FILTER, ROOT, WORK } from '../lib/config.js';
import type { FormSpec } from './form-spec.js';
import { rjsfPrecompiledSource } from './rjsf-precompile.js';
import { floorForm, jsonFormsSchema, jsonFormsUiSchema, rjsfUiSchema } from './variants.js';

export const RENDERERS: readonly RendererId[] = ['yibiao', 'rjsf', 'rjsf-pre', 'jsonforms', 'floor'];

/** The renderers this run measures: all of them, or those `BENCH_RENDERERS` names. */
export const ACTIVE_RENDERERS: readonly RendererId[] = RENDERERS.filter((r) => FILTER.renderers === undefined || FILTER.renderers.has(r));

export const RENDERER_LABEL: Readonly<Record<RendererId, string>> = {
  yibiao: 'yibiao',
  rjsf: 'rjsf (runtime ajv)',
  'rjsf-pre': 'rjsf (precompiled)',
  jsonforms: 'JSON Forms vanilla',
  floor: 'floor (Lit)',
};

/** The built page of one renderer for one form. */
export interface Page {
  readonly renderer: RendererId;
  readonly form: string;
  /** URL path of the HTML page. */
  readonly url: string;
  /** The module the page loads (one self-contained file). */
  readonly mainFile: string;
  /** This page's share of its renderer's bundling time. */
  readonly bundleMs: number;
}

export const SITE = path.join(WORK, 'site');
const ENTRIES = path.join(WORK, 'entries');

function html(title: string, body: string, script: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body>${body}<script type="module" src="./${script}"></script></body>
</html>
`;
}

const rel = (from: string, to: string) => {
  const r = path.relative(from, to).split(path.sep).join('/');
  return r.startsWith('.') ? r : `./${r}`;
};

async function entryFor(renderer: RendererId, spec: FormSpec): Promise<string> {
  const dir = path.join(ENTRIES, renderer);
  await mkdir(dir, { recursive: true });
  const json = async (name: string, value: unknown) => {
    const file = path.join(dir, `${spec.id}.${name}.json`);
    await writeFile(file, JSON.stringify(value));
    return `./${path.basename(file)}`;
  };
  const renderers = path.join(BENCH, 'renderers');
  const services = JSON.stringify(spec.services);
  let code: string;
  if (renderer === 'rjsf') {
    code = `import { mount } from ${JSON.stringify(rel(dir, path.join(renderers, 'rjsf.js')))};
import schema from ${JSON.stringify(await json('schema', spec.schema))};
import ui from ${JSON.stringify(await json('ui', rjsfUiSchema(spec.ui)))};
mount(schema, ui, ${services});
`;
  } else if (renderer === 'rjsf-pre') {
    const validators = path.join(dir, `${spec.id}.validators.cjs`);
    await writeFile(validators, rjsfPrecompiledSource(spec.schema, projectPaths(ROOT).rulesRuntime));
    code = `import { mount } from ${JSON.stringify(rel(dir, path.join(renderers, 'rjsf-precompiled.js')))};
import * as validateFns from ${JSON.stringify(`./${path.basename(validators)}`)};
import schema from ${JSON.stringify(await json('schema', spec.schema))};
import ui from ${JSON.stringify(await json('ui', rjsfUiSchema(spec.ui)))};
mount(schema, ui, validateFns, ${services});
`;
  } else if (renderer === 'jsonforms') {
    code = `import { mount } from ${JSON.stringify(rel(dir, path.join(renderers, 'jsonforms.js')))};
import schema from ${JSON.stringify(await json('schema', jsonFormsSchema(spec.schema)))};
import uischema from ${JSON.stringify(await json('uischema', jsonFormsUiSchema(spec.model)))};
mount(schema, uischema, ${services});
`;
  } else {
    code = `import { defineFloor } from ${JSON.stringify(rel(dir, path.join(renderers, 'floor.ts')))};
import form from ${JSON.stringify(await json('floor', floorForm(spec)))};
defineFloor(form, new URLSearchParams(location.search).has('all'));
`;
  }
  const file = path.join(dir, `${spec.id}.js`);
  await writeFile(file, code);
  return file;
}

/** The yibiao element's entry written by hand (what componentEntry emits, for forms without a 省/市/县 field). */
async function yibiaoEntry(spec: FormSpec): Promise<string> {
  const dir = path.join(ENTRIES, 'yibiao');
  await mkdir(dir, { recursive: true });
  const model = path.join(dir, `${spec.id}.model.json`);
  await writeFile(model, JSON.stringify(spec.model));
  const file = path.join(dir, `${spec.id}.js`);
  await writeFile(
    file,
    `import { defineForm } from ${JSON.stringify(projectPaths(ROOT).runtimeDefineForm)};
import { withLazyValidator } from ${JSON.stringify(path.join(projectPaths(ROOT).runtimeLazy, 'validator.ts'))};
import model from ${JSON.stringify(`./${path.basename(model)}`)};
defineForm({ tag: ${JSON.stringify(spec.tag)}, form: withLazyValidator({ model }, () => import(${JSON.stringify(path.join(spec.distForms, spec.id, 'validator-part.js'))}).then((m) => m.validate)) });
`,
  );
  return file;
}

export interface PageOptions {
  /** `p` (measured pages, minified) or `prof` (profiled pages, readable names). */
  readonly dir: 'p' | 'prof';
}

/**
 * Bundles one renderer's module for each form (one esbuild call for all of
 * them: shared code is parsed once, each output stays self-contained) — or, for
 * yibiao's measured pages, copies the module the build wrote — and writes the pages.
 *
 * @param renderer - which renderer.
 * @param specs - the forms.
 * @param options - measured or profiled build.
 */
export async function buildPages(renderer: RendererId, specs: readonly FormSpec[], options: PageOptions = { dir: 'p' }): Promise<Page[]> {
  const minify = options.dir === 'p';
  const outdir = path.join(SITE, options.dir, renderer);
  await mkdir(outdir, { recursive: true });
  await writeFile(path.join(SITE, options.dir, 'blank.html'), html('blank', '', '../blank.js'));
  await writeFile(path.join(SITE, 'blank.js'), '');
  const started = performance.now();
  if (renderer === 'yibiao' && minify) {
    // Exactly the module `npm run build` (or compileForm + writeForm) wrote.
    for (const spec of specs) {
      await copyFile(spec.widgetFile, path.join(outdir, `${spec.id}.js`));
      // Its lazily imported parts (`<id>/chunk-*.js`), which it loads relative to itself.
      const parts = path.join(path.dirname(spec.widgetFile), spec.id);
      if (existsSync(parts)) await cp(parts, path.join(outdir, spec.id), { recursive: true });
    }
  } else {
    const entryPoints: Record<string, string> = {};
    for (const spec of specs) entryPoints[spec.id] = renderer === 'yibiao' ? await yibiaoEntry(spec) : await entryFor(renderer, spec);
    await build({
      entryPoints,
      absWorkingDir: ROOT,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify,
      keepNames: !minify,
      // Profiled builds carry a source map, so that profiles name the source files.
      sourcemap: minify ? false : 'external',
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
      outdir,
      logLevel: 'error',
    });
  }
  const bundleMs = performance.now() - started;
  const pages: Page[] = [];
  for (const spec of specs) {
    const body = renderer === 'yibiao' ? `<${spec.tag} lang="zh-CN"></${spec.tag}>` : renderer === 'floor' ? '<bench-floor></bench-floor>' : '<div id="root"></div>';
    await writeFile(path.join(outdir, `${spec.id}.html`), html(`${renderer} · ${spec.id}`, body, `${spec.id}.js`));
    pages.push({ renderer, form: spec.id, url: `/${options.dir}/${renderer}/${spec.id}.html`, mainFile: path.join(outdir, `${spec.id}.js`), bundleMs: bundleMs / specs.length });
  }
  return pages;
}

/**
 * Bytes of the minified yibiao module by where they come from (esbuild metafile): for a built form, the real
 * widget build (`widgetBuildOptions`, code-split) — the entry and its eager parts, with the lazy parts' inputs
 * listed as `lazy · …` rows (not counted in `total`); otherwise the hand-written entry, one bundle.
 */
export async function yibiaoSizeBreakdown(spec: FormSpec): Promise<{ readonly total: number; readonly parts: readonly { readonly part: string; readonly bytes: number }[] }> {
  const paths = { ...projectPaths(ROOT), distForms: spec.distForms, widgetDist: path.join(WORK, 'breakdown') };
  const built = path.join(spec.distForms, spec.id, 'entry.js');
  const split = existsSync(built);
  const options = split
    ? widgetBuildOptions(paths, spec.id, await carriesDivisions(spec))
    : {
        entryPoints: [await yibiaoEntry(spec)],
        absWorkingDir: ROOT,
        bundle: true,
        format: 'esm' as const,
        platform: 'browser' as const,
        target: 'es2022',
        minify: true,
        legalComments: 'none' as const,
        define: { 'process.env.NODE_ENV': '"production"' },
        outdir: path.join(WORK, 'breakdown'),
        metafile: true as const,
      };
  const result = await build({ ...options, write: false, logLevel: 'error' });
  const outdir = path.relative(ROOT, paths.widgetDist).split(path.sep).join('/');
  const loads = split ? new Map(widgetParts(result.metafile, `${outdir}/${spec.id}.js`, outdir).map((p) => [`${outdir}/${p.file}`, p.load])) : undefined;
  const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
  const eager = outputs.filter(([file]) => loads === undefined || loads.get(file) !== 'lazy');
  const parts = new Map<string, number>();
  const partOf = (input: string): string => {
    if (input.endsWith('.model.json') || input.endsWith('/entry.js')) return 'form model (JSON)';
    if (input.endsWith('validator.source.js')) return 'validator (ajv standalone, generated)';
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    if (m) return `node_modules/${m[1]}`;
    const src = /^src\/([^/]+)\/(?:([^/]+)\/)?/.exec(input);
    if (src) return src[1] === 'runtime' && src[2] !== undefined && !src[2].includes('.') ? `src/runtime/${src[2]}` : `src/${src[1]}`;
    return input;
  };
  for (const [file, output] of outputs) {
    const lazy = loads?.get(file) === 'lazy' ? 'lazy · ' : '';
    for (const [input, info] of Object.entries(output.inputs)) parts.set(`${lazy}${partOf(input)}`, (parts.get(`${lazy}${partOf(input)}`) ?? 0) + info.bytesInOutput);
  }
  const total = eager.reduce((n, [, output]) => n + output.bytes, 0);
  return { total, parts: [...parts].map(([part, bytes]) => ({ part, bytes })).sort((a, b) => b.bytes - a.bytes) };
}

/** Whether a built form carries the 省/市/县 tree (as writeForm decides). */
async function carriesDivisions(spec: FormSpec): Promise<boolean> {
  const dir = path.join(spec.distForms, spec.id);
  const model = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as Parameters<typeof needsDivisions>[0];
  return needsDivisions(model) || usesDivisionKeyword(await readFile(path.join(dir, 'validator.source.js'), 'utf8'));
}

/** The harness script, bundled to an IIFE for injection. */
export async function harnessScript(): Promise<string> {
  const out = path.join(WORK, 'harness.js');
  await build({ entryPoints: [path.join(BENCH, 'browser', 'harness.ts')], bundle: true, format: 'iife', target: 'es2022', outfile: out, logLevel: 'error' });
  return readFile(out, 'utf8');
}
