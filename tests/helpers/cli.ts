/**
 * Running CLI commands in-process for tests: `yibiao verify` through
 * commander with its io captured, and files in a throw-away directory.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { registerVerify } from '../../src/cli/commands/verify.js';
import type { FormRegistry } from '../../src/runtime/compiled-form.js';

/** What a command run in-process gave: the exit code it set (none: 0), stdout and stderr, lines joined. */
export interface CliRun {
  readonly code: number | undefined;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs `yibiao verify <args>` in-process through commander with captured io;
 * a commander error (a bad option value) rejects.
 *
 * @param deps - the form registry and the clock the command uses.
 * @param args - the arguments after `verify`.
 */
export async function runVerify(deps: { readonly registry: FormRegistry; readonly now: Date }, args: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  let code: number | undefined;
  const program = new Command('yibiao').exitOverride().configureOutput({ writeErr: () => undefined });
  registerVerify(program, {
    loadRegistry: async () => deps.registry,
    now: () => deps.now,
    io: {
      print: (t) => void out.push(t),
      printError: (t) => void err.push(t),
      setExitCode: (c) => {
        code = c;
      },
    },
  });
  await program.parseAsync(['node', 'yibiao', 'verify', ...args]);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * A new temporary directory, and a function that writes a file in it (a
 * string as is, anything else as JSON) and returns the file's path.
 *
 * @param prefix - the directory name's prefix, e.g. `yibiao-verify-`.
 */
export function tempFiles(prefix: string): { readonly dir: string; readonly file: (name: string, content: unknown) => string } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const file = (name: string, content: unknown): string => {
    const p = path.join(dir, name);
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    return p;
  };
  return { dir, file };
}
