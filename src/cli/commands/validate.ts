import type { Command } from 'commander';
import type { Lang } from '../../ir/types.js';
import { isRealDate, todayInShanghai } from '../../rules/dates.js';
import type { FormRegistry } from '../../runtime/compiled-form.js';
import { validateData } from '../../runtime/validate.js';
import type { ValidationResult } from '../../runtime/validation-types.js';
import { EXIT, print, printError, readInput } from '../io.js';

/** Options of `yibiao validate`. */
export interface ValidateOptions {
  readonly lang?: string;
  readonly json?: boolean;
  readonly date?: string;
}

/** What `yibiao validate` decided and printed. */
export interface ValidateOutcome {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly result?: ValidationResult;
}

function report(result: ValidationResult, lang: Lang): string {
  const lines = [
    ...result.errors.map((e) => `✗ ${e.path || '/'}  ${e.message[lang]}  [${e.code}]`),
    ...result.warnings.map((w) => `! ${w.path || '/'}  ${w.message[lang]}  [${w.code}]`),
  ];
  const verdict = result.valid
    ? lang === 'en' ? 'valid' : '通过'
    : lang === 'en' ? `invalid: ${result.errors.length} error(s)` : `未通过：${result.errors.length} 处错误`;
  return [...lines, verdict].join('\n');
}

/**
 * The work of `yibiao validate <formId> <data>`, without touching the process:
 * exit 0 valid (warnings printed), 1 invalid, 2 unreadable input or unknown form.
 *
 * @param registry - the compiled forms.
 * @param formId - the form.
 * @param text - the data file's text.
 * @param options - `lang`, `json`, `date` (application date for age rules; default today in Asia/Shanghai).
 */
export async function validateCommand(registry: FormRegistry, formId: string, text: string, options: ValidateOptions): Promise<ValidateOutcome> {
  const lang: Lang = options.lang === 'en' ? 'en' : 'zh-CN';
  if (options.date !== undefined && !isRealDate(options.date)) {
    return { exitCode: EXIT.usage, stdout: '', stderr: `--date must be YYYY-MM-DD, got ${options.date}` };
  }
  const form = await registry.get(formId);
  if (!form) {
    return { exitCode: EXIT.usage, stdout: '', stderr: `unknown form "${formId}" (run \`npm run build\` first; forms are under forms/)` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { exitCode: EXIT.usage, stdout: '', stderr: `cannot read the data: ${(error as Error).message}` };
  }
  const today = options.date ?? todayInShanghai();
  const result = validateData(form, data, { today });
  const stdout = options.json ? JSON.stringify({ form: formId, date: today, ...result }, null, 2) : report(result, lang);
  return { exitCode: result.valid ? EXIT.ok : EXIT.invalid, stdout, stderr: '', result };
}

/** `yibiao validate <formId> <data.json|-> [--lang en] [--json] [--date YYYY-MM-DD]`. */
export function registerValidate(program: Command, deps: { loadRegistry: () => Promise<FormRegistry> }): void {
  program
    .command('validate')
    .description('validate form data with the compiled rules of a form')
    .argument('<formId>', 'form id')
    .argument('<data>', 'data file (JSON), or - for standard input')
    .option('--lang <lang>', 'message language: zh-CN or en', 'zh-CN')
    .option('--json', 'print the result as JSON')
    .option('--date <date>', 'application date for age rules (default: today in Asia/Shanghai)')
    .action(async (formId: string, file: string, options: ValidateOptions) => {
      let text: string;
      try {
        text = await readInput(file);
      } catch (error) {
        printError(`cannot read ${file}: ${(error as Error).message}`);
        process.exitCode = EXIT.usage;
        return;
      }
      const outcome = await validateCommand(await deps.loadRegistry(), formId, text, options);
      if (outcome.stdout) print(outcome.stdout);
      if (outcome.stderr) printError(outcome.stderr);
      process.exitCode = outcome.exitCode;
    });
}
