import { Command } from 'commander';
import { projectPaths } from '../compile/paths.js';
import { registerBuild } from './commands/build.js';
import { registerKeygen } from './commands/keygen.js';
import { registerLint } from './commands/lint.js';
import { registerSchema } from './commands/schema.js';
import { registerSign } from './commands/sign.js';
import { registerSplit } from './commands/split.js';
import { registerValidate } from './commands/validate.js';
import { registerVerify } from './commands/verify.js';
import { builtFormRegistry } from './form-registry.js';

/**
 * The `yibiao` command line.
 *
 * @param argv - process arguments.
 */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  const paths = projectPaths(process.env.YIBIAO_ROOT);
  const loadRegistry = async () => builtFormRegistry(paths.distForms);
  const program = new Command('yibiao')
    .description('一表 — joint-service application forms: build, lint, validate, verify')
    .exitOverride((error) => {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      throw error;
    });
  registerBuild(program, paths);
  registerLint(program, paths);
  registerSchema(program, paths);
  registerValidate(program, { loadRegistry });
  registerVerify(program, { loadRegistry });
  registerKeygen(program);
  registerSign(program, { loadRegistry });
  registerSplit(program, { loadRegistry });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('commander.')) return;
    throw error;
  }
}
