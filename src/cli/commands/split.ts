import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Lang } from '../../ir/types.js';
import type { FormRegistry } from '../../runtime/compiled-form.js';
import { type DepartmentPart, split } from '../../submission/index.js';
import { EXIT, print, printError } from '../io.js';
import { failureLines, readTokenBytes, type VerificationFlags, type VerifyCommandIo, verificationOptions, verifyFromCli } from './verify.js';

/** Where the command reads and writes; replaceable in tests. */
export interface SplitCommandIo extends Pick<VerifyCommandIo, 'readToken' | 'readText' | 'print' | 'printError' | 'setExitCode'> {
  /** Writes one part file (personal data: mode 0600). */
  writePart(dir: string, name: string, text: string): Promise<string>;
}

/** Dependencies of {@link registerSplit}. */
export interface SplitCommandDeps {
  readonly loadRegistry: () => Promise<FormRegistry>;
  readonly io?: Partial<SplitCommandIo>;
  readonly now?: () => Date;
}

interface CommandOptions extends VerificationFlags {
  readonly out?: string;
  readonly json?: boolean;
  readonly lang: Lang;
}

const defaultIo: SplitCommandIo = {
  readToken: readTokenBytes,
  readText: (file) => readFile(file, 'utf8'),
  async writePart(dir, name, text) {
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, name);
    await writeFile(file, text, { mode: 0o600 });
    return file;
  },
  print,
  printError,
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

/** One line per part: department, services and paths; never the data. */
function summary(part: DepartmentPart, file: string | undefined): string {
  const where = file === undefined ? '' : `  → ${file}`;
  return `${part.department}: ${part.services.join(', ')}  ${part.paths.join(' ')}${where}`;
}

/**
 * `yibiao split <token-file|-> [--out <dir>] [--json]` and the options of `yibiao verify`
 * (`--form`, `--key`, `--binding-issuer`, `--alg`, `--max-age`, `--lang`):
 * verifies a submission (as `yibiao verify`), then splits it into one part
 * per department of its `routing` — `{ department, services, paths, data,
 * token }`, each verifiable on its own with `verifyPart`. `--out` writes
 * `<dir>/<department>.json`; `--json` prints the parts; otherwise a summary
 * without data is printed. Exit 0 split, 1 rejected (the code is printed),
 * 2 unreadable input or output.
 *
 * @param program - the `yibiao` command.
 * @param deps - the form registry loader; optionally io and clock for tests.
 */
export function registerSplit(program: Command, deps: SplitCommandDeps): void {
  const io: SplitCommandIo = { ...defaultIo, ...deps.io };
  const command = program
    .command('split')
    .description('verify a signed submission and split it into one verifiable part per department')
    .argument('<token>', 'token file, or - for standard input')
    .option('--out <dir>', 'write one <department>.json per part into this directory')
    .option('--json', 'print the parts as JSON (they contain personal data)');
  verificationOptions(command).action(async (file: string, options: CommandOptions) => {
    const lang: Lang = options.lang === 'en' ? 'en' : 'zh-CN';
    const verified = await verifyFromCli(file, options, io, deps);
    if (verified === undefined) return;
    const { verdict, token } = verified;
    if (!verdict.ok) {
      if (options.json) io.print(JSON.stringify(verdict, null, 2));
      else for (const line of failureLines(verdict, lang)) io.print(line);
      io.setExitCode(EXIT.invalid);
      return;
    }
    const parts = split(verdict.payload, token);
    const files = new Map<DepartmentPart, string>();
    if (options.out !== undefined) {
      try {
        for (const part of parts) files.set(part, await io.writePart(options.out, `${part.department}.json`, `${JSON.stringify(part, null, 2)}\n`));
      } catch (error) {
        io.printError(`cannot write to ${options.out}: ${(error as Error).message}`);
        io.setExitCode(EXIT.usage);
        return;
      }
    }
    if (options.json) io.print(JSON.stringify(parts, null, 2));
    else for (const part of parts) io.print(summary(part, files.get(part)));
    io.setExitCode(EXIT.ok);
  });
}
