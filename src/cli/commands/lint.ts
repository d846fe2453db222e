import type { Command } from 'commander';
import { compileForm } from '../../compile/compile-form.js';
import { listForms, type ProjectPaths } from '../../compile/paths.js';
import { formatDiagnostic } from '../../schema/diagnostics.js';
import { EXIT, print, printError } from '../io.js';

/** `yibiao lint [formId...] [--json]`: every diagnostic of every form; exit 1 on any error. */
export function registerLint(program: Command, paths: ProjectPaths): void {
  program
    .command('lint')
    .description('check forms: schema, dictionary references, titles, patterns, English texts')
    .argument('[formId...]', 'forms to check (default: all)')
    .option('--json', 'print diagnostics as JSON')
    .option('--lang <lang>', 'message language (zh-CN or en)', 'en')
    .action(async (ids: string[], options: { json?: boolean; lang: string }) => {
      const forms = ids.length > 0 ? ids : await listForms(paths);
      const results = await Promise.all(forms.map((id) => compileForm(paths, id, paths.rulesRuntime)));
      const lang = options.lang === 'zh-CN' ? 'zh-CN' : 'en';
      if (options.json) print(JSON.stringify(results.map((r) => ({ form: r.id, diagnostics: r.diagnostics })), null, 2));
      else {
        for (const r of results) {
          for (const d of r.diagnostics) printError(formatDiagnostic(d, lang));
          print(`${r.diagnostics.some((d) => d.severity === 'error') ? '✗' : '✓'} ${r.id}: ${r.diagnostics.length} diagnostic(s)`);
        }
      }
      process.exitCode = results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT.invalid : EXIT.ok;
    });
}
