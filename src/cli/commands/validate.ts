import type { Command } from 'commander';
import type { ProjectPaths } from '../../compile/paths.js';
import { isRealDate, todayInShanghai } from '../../rules/dates.js';
import type { FormRegistry } from '../../runtime/compiled-form.js';
import { validateData } from '../../runtime/validate.js';
import { EXIT, print, printError, readInput } from '../io.js';

interface Options {
  lang: string;
  json?: boolean;
  date?: string;
}

/**
 * `yibiao validate <formId> <data.json|-> [--lang en] [--json] [--date YYYY-MM-DD]`:
 * exit 0 valid (warnings printed), 1 invalid, 2 unreadable input or unknown form.
 */
export function registerValidate(program: Command, _paths: ProjectPaths, deps: { loadRegistry: () => Promise<FormRegistry> }): void {
  program
    .command('validate')
    .description('validate form data with the compiled rules of a form')
    .argument('<formId>', 'form id')
    .argument('<data>', 'data file (JSON), or - for standard input')
    .option('--lang <lang>', 'message language: zh-CN or en', 'zh-CN')
    .option('--json', 'print the result as JSON')
    .option('--date <date>', 'application date for age rules (default: today in Asia/Shanghai)')
    .action(async (formId: string, file: string, options: Options) => {
      const lang = options.lang === 'en' ? 'en' : 'zh-CN';
      if (options.date !== undefined && !isRealDate(options.date)) {
        printError(`--date must be YYYY-MM-DD, got ${options.date}`);
        process.exitCode = EXIT.usage;
        return;
      }
      const form = await (await deps.loadRegistry()).get(formId);
      if (!form) {
        printError(`unknown form "${formId}" (run \`npm run build\` first; forms are under forms/)`);
        process.exitCode = EXIT.usage;
        return;
      }
      let data: unknown;
      try {
        data = JSON.parse(await readInput(file));
      } catch (error) {
        printError(`cannot read ${file}: ${(error as Error).message}`);
        process.exitCode = EXIT.usage;
        return;
      }
      const today = options.date ?? todayInShanghai();
      const result = validateData(form, data, { today });
      if (options.json) {
        print(JSON.stringify({ form: formId, date: today, ...result }, null, 2));
      } else {
        for (const e of result.errors) print(`✗ ${e.path || '/'}  ${e.message[lang]}  [${e.code}]`);
        for (const w of result.warnings) print(`! ${w.path || '/'}  ${w.message[lang]}  [${w.code}]`);
        print(result.valid ? (lang === 'en' ? 'valid' : '通过') : lang === 'en' ? `invalid: ${result.errors.length} error(s)` : `未通过：${result.errors.length} 处错误`);
      }
      process.exitCode = result.valid ? EXIT.ok : EXIT.invalid;
    });
}
