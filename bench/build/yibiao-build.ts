/**
 * Builds forms with yibiao's real pipeline (`compileForm` + `writeForm`) into
 * a scratch project layout: the synthetic forms live in `.work/forms/`, their
 * outputs go to `.work/dist/forms/` and `.work/widget/`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compileForm } from '../../src/compile/compile-form.js';
import { type ProjectPaths, projectPaths } from '../../src/compile/paths.js';
import { writeForm } from '../../src/compile/write-form.js';
import { formatDiagnostic } from '../../src/schema/diagnostics.js';
import type { SyntheticForm } from '../generate/synthetic.js';
import { ROOT, WORK } from '../lib/config.js';

/** The project paths of the scratch layout (the shared dictionary and the runtime stay the real ones). */
export function scratchPaths(): ProjectPaths {
  return {
    ...projectPaths(ROOT),
    forms: path.join(WORK, 'forms'),
    distForms: path.join(WORK, 'dist', 'forms'),
    widgetDist: path.join(WORK, 'widget'),
  };
}

/** Writes a synthetic form's four files under `.work/forms/<id>/`. */
export async function writeSyntheticForm(form: SyntheticForm): Promise<void> {
  const dir = path.join(scratchPaths().forms, form.id);
  for (const [name, content] of Object.entries(form.files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(content, null, 2)}\n`);
  }
}

/** How long one form took to build, and where its widget went. */
export interface BuildTiming {
  readonly id: string;
  readonly ms: number;
  readonly widgetFile: string;
}

/**
 * Compiles and writes one form of the scratch layout.
 *
 * @throws when the form does not build (its diagnostics are in the message).
 */
export async function buildScratchForm(id: string): Promise<BuildTiming> {
  const paths = scratchPaths();
  const started = performance.now();
  const result = await compileForm(paths, id, paths.rulesRuntime);
  if (!result.artefacts) {
    throw new Error(`synthetic form ${id} did not build:\n${result.diagnostics.map((d) => formatDiagnostic(d)).join('\n')}`);
  }
  const written = await writeForm(paths, result.artefacts);
  return { id, ms: performance.now() - started, widgetFile: written.widgetFile };
}
