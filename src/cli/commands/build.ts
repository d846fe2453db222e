import path from 'node:path';
import type { Command } from 'commander';
import { compileForm } from '../../compile/compile-form.js';
import { listForms, type ProjectPaths } from '../../compile/paths.js';
import { writeForm } from '../../compile/write-form.js';
import { formatDiagnostic } from '../../schema/diagnostics.js';
import { EXIT, print, printError } from '../io.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * Builds forms (all of them by default) and prints each module's size.
 *
 * @returns the exit code: 0, or 1 when any form has an error.
 */
export async function runBuild(paths: ProjectPaths, ids: readonly string[]): Promise<number> {
  const forms = ids.length > 0 ? ids : await listForms(paths);
  let failed = false;
  for (const id of forms) {
    const started = performance.now();
    const result = await compileForm(paths, id, paths.rulesRuntime);
    for (const d of result.diagnostics) printError(formatDiagnostic(d));
    if (!result.artefacts) {
      failed = true;
      printError(`✗ ${id}: not built`);
      continue;
    }
    const written = await writeForm(paths, result.artefacts);
    const { min, gzip, brotli } = written.sizes;
    print(
      `✓ ${id} → ${path.relative(paths.root, written.widgetFile)}  min ${kb(min)} · gzip ${kb(gzip)} · brotli ${kb(brotli)}  (${Math.round(performance.now() - started)} ms)`,
    );
  }
  return failed ? EXIT.invalid : EXIT.ok;
}

/** `yibiao build [formId...]`. */
export function registerBuild(program: Command, paths: ProjectPaths): void {
  program
    .command('build')
    .description('compile forms into validators and embeddable modules (all forms when none is named)')
    .argument('[formId...]', 'forms to build')
    .action(async (ids: string[]) => {
      process.exitCode = await runBuild(paths, ids);
    });
}
