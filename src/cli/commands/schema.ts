import type { Command } from 'commander';
import { compileForm } from '../../compile/compile-form.js';
import type { ProjectPaths } from '../../compile/paths.js';
import { formatDiagnostic } from '../../schema/diagnostics.js';
import { EXIT, print, printError } from '../io.js';

/** `yibiao schema <formId>`: prints the bundled schema. */
export function registerSchema(program: Command, paths: ProjectPaths): void {
  program
    .command('schema')
    .description('print the bundled JSON Schema of a form')
    .argument('<formId>', 'form id')
    .action(async (id: string) => {
      const result = await compileForm(paths, id, paths.rulesRuntime);
      if (!result.artefacts) {
        for (const d of result.diagnostics) printError(formatDiagnostic(d));
        process.exitCode = EXIT.usage;
        return;
      }
      print(JSON.stringify(result.artefacts.schema, null, 2));
    });
}
