/**
 * Everything before measuring: `npm run build`, the synthetic forms (generated,
 * then built with yibiao's pipeline), the form specs and every renderer's page.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { listForms, projectPaths } from '../src/compile/paths.js';
import { type FormSpec, formSpec } from './build/form-spec.js';
import { ACTIVE_RENDERERS, buildPages, type Page } from './build/pages.js';
import { npmRunBuild, type ProjectBuild } from './build/project-build.js';
import { type BuildTiming, buildScratchForm, scratchPaths, writeSyntheticForm } from './build/yibiao-build.js';
import { syntheticForm } from './generate/synthetic.js';
import { FILTER, ROOT, RUNS, SEED, SYNTHETIC_SIZES, WORK, wantForm } from './lib/config.js';
import { log } from './lib/log.js';

export interface Prepared {
  readonly build: ProjectBuild;
  readonly synthetic: readonly BuildTiming[];
  readonly specs: readonly FormSpec[];
  readonly pages: readonly Page[];
  /** Real forms under forms/ that did not build (skipped). */
  readonly skipped: readonly string[];
}

export interface PrepareOptions {
  /** Skip `npm run build` (dev only). */
  readonly skipBuild?: boolean;
  readonly sizes?: readonly number[];
}

export async function prepare(options: PrepareOptions = {}): Promise<Prepared> {
  await rm(WORK, { recursive: true, force: true });
  log('npm run build …');
  const skipBuild = options.skipBuild ?? FILTER.skipBuild;
  const build = skipBuild ? { ok: true, ms: 0, forms: [], failed: [], output: 'skipped' } : await npmRunBuild();
  log(`npm run build: ${build.ok ? 'ok' : 'FAILED'} in ${(build.ms / 1000).toFixed(1)} s (${build.forms.map((f) => f.id).join(', ') || 'no form'})`);
  const paths = projectPaths(ROOT);
  const ids = await listForms(paths);
  const built = skipBuild ? ids : build.forms.map((f) => f.id);
  const real = ids.filter((id) => wantForm(id) && built.includes(id) && existsSync(path.join(paths.widgetDist, `${id}.js`)) && existsSync(path.join(paths.distForms, id, 'model.json')));
  const skipped = ids.filter((id) => wantForm(id) && !real.includes(id));
  if (skipped.length > 0) log(`skipping forms that did not build: ${skipped.join(', ')}`);

  const synthetic: BuildTiming[] = [];
  const specs: FormSpec[] = [];
  const keys = { warmupKeys: RUNS.warmupKeys, totalKeys: RUNS.keys };
  for (const id of real) {
    specs.push(await formSpec({ id, kind: 'real', root: ROOT, formsDir: paths.forms, distForms: paths.distForms, widgetFile: path.join(paths.widgetDist, `${id}.js`), ...keys }));
  }
  const scratch = scratchPaths();
  for (const size of (options.sizes ?? SYNTHETIC_SIZES).filter((n) => wantForm(`syn${n}`))) {
    const form = syntheticForm(size, SEED);
    await writeSyntheticForm(form);
    const timing = await buildScratchForm(form.id);
    synthetic.push(timing);
    log(`built ${form.id} (${form.fields} fields) with compileForm + writeForm in ${(timing.ms / 1000).toFixed(1)} s`);
    specs.push(await formSpec({ id: form.id, kind: 'synthetic', root: ROOT, formsDir: scratch.forms, distForms: scratch.distForms, widgetFile: timing.widgetFile, valid: { data: form.validData, date: '2025-06-01' }, ...keys }));
  }

  const pages: Page[] = [];
  for (const renderer of ACTIVE_RENDERERS) {
    const built = await buildPages(renderer, specs);
    pages.push(...built);
    log(`pages for ${renderer}: ${specs.length} forms bundled in ${((built[0]?.bundleMs ?? 0) * built.length / 1000).toFixed(1)} s`);
  }
  return { build, synthetic, specs, pages, skipped };
}
